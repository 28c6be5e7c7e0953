package com.sartiq.hub.compute.tasks;

import java.util.concurrent.ThreadLocalRandom;

/** The delay before another try: exponential from a base, capped at ten minutes. */
public final class Backoff {

    static final long CAP_SECONDS = 600;

    private Backoff() {
    }

    /** {@code base · 2^(attempt-1)} seconds, at most {@link #CAP_SECONDS}. */
    public static long ceilingSeconds(int attempt, int baseSeconds) {
        return Math.min(CAP_SECONDS, (long) baseSeconds << Math.min(attempt - 1, 16));
    }

    /**
     * Between half and all of the ceiling, so retries of many tasks failing together spread out, as
     * Celery's retry_backoff with jitter does.
     */
    public static int jitteredSeconds(int attempt, int baseSeconds) {
        long ceiling = ceilingSeconds(attempt, baseSeconds);
        return (int) Math.max(1, ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
    }
}
