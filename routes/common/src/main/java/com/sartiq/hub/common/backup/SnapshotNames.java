package com.sartiq.hub.common.backup;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where snapshots live: {@code snapshots/<service>/<environment>/pgsql_<db>_db_YYYYMMDD-HHMMSS.sql.zst}
 * (UTC), each with {@code .md5} beside it. Retention reads the time from the name, so it does not
 * depend on the store's last-modified dates (which a copy between buckets would reset).
 */
public final class SnapshotNames {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final Pattern NAME = Pattern.compile("pgsql_[A-Za-z0-9_]+_db_(\\d{8}-\\d{6})\\.sql\\.zst(\\.md5)?$");

    private final String prefix;
    private final String database;

    public SnapshotNames(String service, String environment, String database) {
        this.prefix = "snapshots/" + service + "/" + environment + "/";
        this.database = database;
    }

    public String prefix() {
        return prefix;
    }

    public String key(Instant at) {
        return prefix + "pgsql_" + database + "_db_" + STAMP.format(at.atOffset(ZoneOffset.UTC)) + ".sql.zst";
    }

    /** When the snapshot (or its checksum file) was taken, if the key is one of ours. */
    public static Optional<Instant> takenAt(String key) {
        Matcher m = NAME.matcher(key);
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(m.group(1), STAMP).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The keys under this prefix older than {@code retentionDays}; keys that are not snapshots are never chosen. */
    public List<String> expired(Collection<String> keys, Instant now, int retentionDays) {
        Instant cutoff = now.minus(retentionDays, ChronoUnit.DAYS);
        return keys.stream()
                .filter(k -> k.startsWith(prefix))
                .filter(k -> takenAt(k).map(t -> t.isBefore(cutoff)).orElse(false))
                .sorted()
                .toList();
    }
}
