package com.sartiq.hub.compute.apikeys;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiKeysTest {

    @Test
    void keysAreRandomPrefixedAndKeptAsDigests() {
        String key = ApiKeys.generate();
        assertTrue(key.matches("sqc_[A-Za-z0-9_-]{43}"), key);
        assertNotEquals(key, ApiKeys.generate());
        assertEquals(key.substring(0, 12), ApiKeys.shown(key));
        assertEquals(32, ApiKeys.sha256(key).length);
        assertArrayEquals(ApiKeys.sha256(key), ApiKeys.sha256(key));
    }
}
