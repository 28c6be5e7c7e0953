package com.sartiq.hub.common.backup;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Database snapshots ({@code hub.backup.*}), as the original's db-backup sidecars made them: plain
 * SQL {@code pg_dump --clean --if-exists}, zstd level 3, an MD5 file beside each snapshot, kept 30 days.
 *
 * @param enabled        run the scheduled backup in this process (one process per hub: the backend
 *                       scheduler, compute's beat)
 * @param cron           Quartz cron (seconds first), in {@code time-zone}
 * @param timeZone       zone the cron is read in
 * @param bucket         bucket the snapshots go to (same endpoint and credentials as {@code hub.storage})
 * @param service        {@code backend} or {@code compute-server}: the second path segment
 * @param environment    {@code production}, {@code staging} or {@code development}: the third path segment
 * @param database       database name in the file name ({@code pgsql_<database>_db_...})
 * @param retentionDays  snapshots older than this are deleted after each successful backup
 * @param pgDump         the pg_dump executable (its major version must be at least the server's)
 * @param zstd           the zstd executable
 * @param level          zstd compression level
 * @param timeoutMinutes a dump not finished by then is killed and the run fails
 * @param spoolDirectory where the compressed dump is written before upload (empty: the JVM's temp directory)
 * @param partSizeBytes  multipart upload part size (≥ 5 MiB; equal parts as R2 expects)
 */
@ConfigurationProperties("hub.backup")
public record BackupProperties(
        Boolean enabled,
        String cron,
        String timeZone,
        String bucket,
        String service,
        String environment,
        String database,
        Integer retentionDays,
        String pgDump,
        String zstd,
        Integer level,
        Integer timeoutMinutes,
        String spoolDirectory,
        Long partSizeBytes) {

    public BackupProperties {
        enabled = enabled != null && enabled;
        cron = blank(cron) ? "0 0 0 * * ?" : cron;
        timeZone = blank(timeZone) ? "UTC" : timeZone;
        bucket = blank(bucket) ? "sartiq-snapshots" : bucket;
        service = blank(service) ? "backend" : service;
        environment = blank(environment) ? "development" : environment;
        database = blank(database) ? "app" : database;
        retentionDays = retentionDays == null ? 30 : retentionDays;
        pgDump = blank(pgDump) ? "pg_dump" : pgDump;
        zstd = blank(zstd) ? "zstd" : zstd;
        level = level == null ? 3 : level;
        timeoutMinutes = timeoutMinutes == null ? 60 : timeoutMinutes;
        partSizeBytes = partSizeBytes == null ? 64L * 1024 * 1024 : partSizeBytes;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
