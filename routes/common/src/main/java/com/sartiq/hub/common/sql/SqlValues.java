package com.sartiq.hub.common.sql;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Converts values of camel-sql result rows into the types the API shows. */
public final class SqlValues {

    private SqlValues() {
    }

    /** A {@code timestamptz} column as UTC; null stays null. */
    public static OffsetDateTime utc(Object value) {
        if (value instanceof Timestamp ts) {
            return ts.toInstant().atOffset(ZoneOffset.UTC);
        }
        return value instanceof OffsetDateTime odt ? odt.withOffsetSameInstant(ZoneOffset.UTC) : null;
    }
}
