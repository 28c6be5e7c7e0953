package com.sartiq.hub.common.backup;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SnapshotNamesTest {

    private final SnapshotNames names = new SnapshotNames("compute-server", "production", "app");

    @Test
    void keysFollowTheOriginalLayoutInUtc() {
        assertEquals("snapshots/compute-server/production/pgsql_app_db_20261127-210000.sql.zst",
                names.key(Instant.parse("2026-11-27T21:00:00Z")));
        assertEquals(Instant.parse("2026-11-27T21:00:00Z"), SnapshotNames.takenAt(names.key(Instant.parse("2026-11-27T21:00:00Z"))).orElseThrow());
        assertTrue(SnapshotNames.takenAt("snapshots/compute-server/production/notes.txt").isEmpty());
    }

    @Test
    void retentionSelectsSnapshotsAndChecksumsPastTheCutoffOnlyUnderItsOwnPrefix() {
        Instant now = Instant.parse("2026-11-27T12:00:00Z");
        List<String> keys = List.of(
                "snapshots/compute-server/production/pgsql_app_db_20261028-115959.sql.zst",
                "snapshots/compute-server/production/pgsql_app_db_20261028-115959.sql.zst.md5",
                "snapshots/compute-server/production/pgsql_app_db_20261028-120001.sql.zst",
                "snapshots/compute-server/production/README.txt",
                "snapshots/compute-server/staging/pgsql_app_db_20200101-000000.sql.zst",
                "snapshots/backend/production/pgsql_app_db_20200101-000000.sql.zst");
        assertEquals(List.of("snapshots/compute-server/production/pgsql_app_db_20261028-115959.sql.zst",
                "snapshots/compute-server/production/pgsql_app_db_20261028-115959.sql.zst.md5"), names.expired(keys, now, 30));
    }

    @Test
    void theDumpCommandComesFromTheJdbcUrlAndRefusesOtherUrls() {
        SnapshotWriter writer = new SnapshotWriter("pg_dump", "zstd", 3, 60);
        assertEquals(List.of("pg_dump", "--clean", "--if-exists", "--no-password", "--host", "db", "--port", "5433",
                "--username", "postgres", "--dbname", "app"), writer.dumpCommand("jdbc:postgresql://db:5433/app?sslmode=disable", "postgres"));
        assertEquals("5432", writer.dumpCommand("jdbc:postgresql://db/app", null).get(7));
        assertThrows(IllegalArgumentException.class, () -> writer.dumpCommand("jdbc:mysql://db/app", "root"));
    }
}
