package com.sartiq.hub.common.startup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@link StartupChecks} once the configuration is read and before any bean (Flyway, Redis,
 * Camel) starts, when {@code hub.startup-check.enabled} is true: the dev, staging and production
 * variants switch it on, the local stack and the tests leave it off. A failure stops the start with
 * one line naming the key; {@link StartupCheckFailureAnalyzer} keeps Spring from burying it in a
 * stack trace.
 */
public class StartupCheckListener implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(StartupCheckListener.class);
    private static final Pattern ENV_PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        check(event.getEnvironment());
    }

    /** Everything {@code hub.startup-check.*} asks for, in order: secrets, PostgreSQL, Redis, buckets. */
    public static void check(ConfigurableEnvironment env) {
        Binder binder = Binder.get(env);
        if (!binder.bind("hub.startup-check.enabled", Boolean.class).orElse(false)) {
            return;
        }
        StartupChecks checks = new StartupChecks(Duration.ofMillis(
                binder.bind("hub.startup-check.timeout-ms", Long.class).orElse(5000L)));
        try {
            for (String key : list(binder, "hub.startup-check.required-secrets")) {
                checks.secretPresent(key, envVar(env, key), env.getProperty(key));
            }
            for (String key : list(binder, "hub.startup-check.postgres-keys")) {
                String prefix = key.substring(0, key.lastIndexOf('.'));
                checks.postgresReachable(key, envVar(env, key), env.getProperty(key),
                        env.getProperty(prefix + ".username"), env.getProperty(prefix + ".password"));
            }
            for (String key : list(binder, "hub.startup-check.redis-keys")) {
                checks.redisReachable(key, envVar(env, key), env.getProperty(key));
            }
            for (String key : list(binder, "hub.startup-check.bucket-keys")) {
                checks.bucketReachable(key, envVar(env, key), env.getProperty("hub.storage.endpoint"),
                        env.getProperty("hub.storage.region"), env.getProperty(key),
                        env.getProperty("hub.storage.access-key"), env.getProperty("hub.storage.secret-key"));
            }
        } catch (StartupCheckException e) {
            LOG.error(e.getMessage());
            throw e;
        }
        LOG.info("Startup check passed: secrets set, PostgreSQL, Redis and object storage reachable");
    }

    private static List<String> list(Binder binder, String key) {
        return binder.bind(key, Bindable.listOf(String.class)).orElse(List.of()).stream()
                .map(String::trim).filter(k -> !k.isEmpty()).toList();
    }

    /** The environment variable a key is read from, found in its unresolved {@code ${VAR:default}} value. */
    static String envVar(ConfigurableEnvironment env, String key) {
        for (PropertySource<?> source : env.getPropertySources()) {
            Object raw = source.getProperty(key);
            if (raw != null) {
                Matcher m = ENV_PLACEHOLDER.matcher(raw.toString());
                if (m.find()) {
                    return m.group(1);
                }
            }
        }
        return null;
    }

    @Override
    public int getOrder() {
        // after the config files are read (ConfigDataEnvironmentPostProcessor) and logging is set up
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }
}
