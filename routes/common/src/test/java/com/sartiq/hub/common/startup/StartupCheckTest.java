package com.sartiq.hub.common.startup;

import com.sartiq.hub.testsupport.HubStack;
import com.sartiq.hub.testsupport.Ports;
import com.sartiq.hub.testsupport.S3Service;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A production-like configuration with a missing secret or an unreachable store stops the start with one line naming the key. */
class StartupCheckTest {

    @Test
    void aMissingSecretIsNamedWithItsEnvironmentVariable() {
        Map<String, Object> props = reachable();
        props.put("hub.startup-check.required-secrets", "hub.security.jwt-secret, hub.compute.api-key");
        props.put("hub.security.jwt-secret", "set-and-long-enough");
        props.put("hub.compute.api-key", "${HUB_STARTUP_TEST_UNSET_KEY:}");
        StartupCheckException failure = assertThrows(StartupCheckException.class, () -> check(props));
        assertEquals("hub.compute.api-key", failure.key());
        assertEquals("Startup check failed: hub.compute.api-key (HUB_STARTUP_TEST_UNSET_KEY) is not set", failure.getMessage());
    }

    @Test
    void anUnreachablePostgresIsNamed() {
        Map<String, Object> props = reachable();
        props.put("spring.datasource.url", "jdbc:postgresql://127.0.0.1:" + Ports.free() + "/app");
        StartupCheckException failure = assertThrows(StartupCheckException.class, () -> check(props));
        assertEquals("spring.datasource.url", failure.key());
        assertTrue(failure.getMessage().startsWith("Startup check failed: PostgreSQL at spring.datasource.url = jdbc:postgresql://127.0.0.1:"),
                failure.getMessage());
        assertEquals(1, failure.getMessage().lines().count(), "one line");
    }

    @Test
    void anUnreachableRedisIsNamedWithoutItsPassword() {
        Map<String, Object> props = reachable();
        props.put("spring.data.redis.url", "redis://:hunter2@127.0.0.1:" + Ports.free() + "/0");
        StartupCheckException failure = assertThrows(StartupCheckException.class, () -> check(props));
        assertEquals("spring.data.redis.url", failure.key());
        assertTrue(failure.getMessage().contains("Redis at spring.data.redis.url"), failure.getMessage());
        assertTrue(!failure.getMessage().contains("hunter2"), failure.getMessage());
    }

    @Test
    void unreachableObjectStorageAndAMissingBucketAreNamed() {
        Map<String, Object> down = reachable();
        down.put("hub.storage.endpoint", "http://127.0.0.1:" + Ports.free());
        StartupCheckException unreachable = assertThrows(StartupCheckException.class, () -> check(down));
        assertEquals("hub.storage.bucket", unreachable.key());
        assertTrue(unreachable.getMessage().contains("is unreachable"), unreachable.getMessage());

        Map<String, Object> noBucket = reachable();
        noBucket.put("hub.storage.bucket", "no-such-bucket-here");
        StartupCheckException missing = assertThrows(StartupCheckException.class, () -> check(noBucket));
        assertTrue(missing.getMessage().contains("no-such-bucket-here"), missing.getMessage());
    }

    @Test
    void aCompleteConfigurationPassesAndADisabledCheckLooksAtNothing() {
        assertDoesNotThrow(() -> check(reachable()));
        Map<String, Object> off = reachable();
        off.put("hub.startup-check.enabled", "false");
        off.put("spring.datasource.url", "jdbc:postgresql://127.0.0.1:1/nowhere");
        assertDoesNotThrow(() -> check(off));
    }

    private static void check(Map<String, Object> props) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("test", props));
        StartupCheckListener.check(env);
    }

    /** Every store of the shared test stack, all of which answer. */
    private static Map<String, Object> reachable() {
        HubStack stack = HubStack.shared();
        Map<String, Object> props = new HashMap<>();
        props.put("hub.startup-check.enabled", "true");
        props.put("hub.startup-check.timeout-ms", "2000");
        props.put("hub.startup-check.postgres-keys", "spring.datasource.url");
        props.put("hub.startup-check.redis-keys", "spring.data.redis.url");
        props.put("hub.startup-check.bucket-keys", "hub.storage.bucket");
        props.put("spring.datasource.url", stack.postgres().jdbcUrl("postgres"));
        props.put("spring.datasource.username", stack.postgres().user());
        props.put("spring.datasource.password", stack.postgres().password());
        props.put("spring.data.redis.url", stack.redis().url());
        props.put("hub.storage.endpoint", stack.s3().endpoint());
        props.put("hub.storage.region", "us-east-1");
        props.put("hub.storage.bucket", HubStack.BUCKET);
        props.put("hub.storage.access-key", S3Service.ACCESS_KEY);
        props.put("hub.storage.secret-key", S3Service.SECRET_KEY);
        return props;
    }
}
