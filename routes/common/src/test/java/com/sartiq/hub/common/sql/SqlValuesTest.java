package com.sartiq.hub.common.sql;

import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SqlValuesTest {

    @Test
    void timestampsBecomeUtcAndNullStaysNull() {
        Instant instant = Instant.parse("2026-11-27T03:00:00Z");
        assertEquals(OffsetDateTime.of(2026, 11, 27, 3, 0, 0, 0, ZoneOffset.UTC), SqlValues.utc(Timestamp.from(instant)));
        assertEquals(instant, SqlValues.utc(instant.atOffset(ZoneOffset.ofHours(2))).toInstant());
        assertEquals(ZoneOffset.UTC, SqlValues.utc(instant.atOffset(ZoneOffset.ofHours(2))).getOffset());
        assertNull(SqlValues.utc(null));
    }
}
