package com.sartiq.hub.backend.live;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiveSessionsTest {

    @Test
    void aClientNeverGetsAnOlderSnapshotOfAGenerationThanOneItHas() {
        LiveSessions.Client client = new LiveSessions.Client(null, null);
        Instant created = Instant.parse("2026-11-27T08:30:04.113678Z");
        Instant completed = Instant.parse("2026-11-27T08:30:07.726703Z");
        assertTrue(client.takes("g1", created));
        assertTrue(client.takes("g1", completed));
        assertFalse(client.takes("g1", Instant.parse("2026-11-27T08:30:04.890292Z")), "a stale 'processing' published late");
        assertTrue(client.takes("g1", completed), "the same snapshot again (webhook and Redis event) still goes out");
        assertTrue(client.takes("g2", created), "each generation on its own");
        assertTrue(client.takes(null, null), "messages without a generation pass");
    }
}
