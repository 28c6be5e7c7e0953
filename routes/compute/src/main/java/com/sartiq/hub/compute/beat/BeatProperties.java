package com.sartiq.hub.compute.beat;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Scheduled jobs of the beat role ({@code hub.beat.*}); Quartz cron expressions with seconds
 * (e.g. {@code 0/10 * * * * ?}). The jobs run on one compute-hub instance at a time (clustered Quartz).
 *
 * @param reaperCron        lease reaper: requeues tasks of dead workers, fails in-doubt and over-time tasks
 * @param reaperBatch       tasks judged per reaper pass
 * @param historyPurgeCron  deletes finished tasks older than {@code hub.tasks.history-retention-days}
 * @param staleWorkersCron  forgets worker processes silent for {@code hub.worker.stale-worker-seconds}
 */
@ConfigurationProperties("hub.beat")
public record BeatProperties(String reaperCron, Integer reaperBatch, String historyPurgeCron, String staleWorkersCron) {

    public BeatProperties {
        reaperCron = blank(reaperCron) ? "0/10 * * * * ?" : reaperCron;
        reaperBatch = reaperBatch == null ? 500 : reaperBatch;
        historyPurgeCron = blank(historyPurgeCron) ? "0 17 3 * * ?" : historyPurgeCron;
        staleWorkersCron = blank(staleWorkersCron) ? "0 * * * * ?" : staleWorkersCron;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** A cron expression as a quartz endpoint option ({@code +} for spaces). */
    static String uriCron(String cron) {
        return cron.trim().replace(' ', '+');
    }
}
