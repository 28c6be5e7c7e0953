package com.sartiq.hub.backend.jobs;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The backend's job queue ({@code hub.jobs.*}).
 *
 * @param concurrency       jobs one worker process runs at once
 * @param pollIntervalMs    how often an idle worker looks for due jobs
 * @param leaseSeconds      how long a claimed job stays with its worker; past it the reaper takes the job back
 * @param maxAttempts       attempts before a job fails for good
 * @param retryDelaySeconds back-off after the first failed attempt (doubles per attempt, at most ten minutes)
 * @param reaperCron        Quartz cron (seconds first) of the reaper, on the scheduler role
 * @param reaperBatch       expired leases handled per reaper run
 * @param export            shooting exports
 * @param tempCleanup       deletion of expired uploads under {@code temp/}
 */
@ConfigurationProperties("hub.jobs")
public record JobProperties(Integer concurrency, Long pollIntervalMs, Integer leaseSeconds, Integer maxAttempts, Integer retryDelaySeconds,
                            String reaperCron, Integer reaperBatch, Export export, TempCleanup tempCleanup) {

    public JobProperties {
        concurrency = concurrency == null ? 2 : concurrency;
        pollIntervalMs = pollIntervalMs == null ? 1000L : pollIntervalMs;
        leaseSeconds = leaseSeconds == null ? 900 : leaseSeconds;
        maxAttempts = maxAttempts == null ? 3 : maxAttempts;
        retryDelaySeconds = retryDelaySeconds == null ? 10 : retryDelaySeconds;
        reaperCron = reaperCron == null || reaperCron.isBlank() ? "30 * * * * ?" : reaperCron;
        reaperBatch = reaperBatch == null ? 100 : reaperBatch;
        export = export == null ? new Export(null, null, null) : export;
        tempCleanup = tempCleanup == null ? new TempCleanup(null, null) : tempCleanup;
    }

    /**
     * @param linkExpirySeconds lifetime of the presigned download link of a finished export (a new one per read)
     * @param partSizeBytes     multipart upload part size of the ZIP (at least 5 MiB)
     * @param spoolDirectory    where the ZIP is written before upload (empty: the JVM's temp directory)
     */
    public record Export(Integer linkExpirySeconds, Long partSizeBytes, String spoolDirectory) {
        public Export {
            linkExpirySeconds = linkExpirySeconds == null ? 3600 : linkExpirySeconds;
            partSizeBytes = partSizeBytes == null ? 16L * 1024 * 1024 : partSizeBytes;
        }
    }

    /**
     * @param cron          Quartz cron (seconds first) that queues a clean-up job, on the scheduler role
     * @param maxAgeSeconds uploads under {@code temp/} older than this are deleted (presigned URLs live 15 min)
     */
    public record TempCleanup(String cron, Integer maxAgeSeconds) {
        public TempCleanup {
            cron = cron == null || cron.isBlank() ? "0 15 * * * ?" : cron;
            maxAgeSeconds = maxAgeSeconds == null ? 86_400 : maxAgeSeconds;
        }
    }

    /** A cron in an endpoint URI: spaces become {@code +}. */
    static String uriCron(String cron) {
        return cron.trim().replace(' ', '+');
    }
}
