package com.sartiq.hub.sim;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * All requests, the submission counters and the in-flight peak.
 *
 * <p>The peak is exact without a sweeper: a request's end time is known at submit and can only move earlier
 * (cancel), so the number in flight only ever rises at a submit. Counting the unfinished requests at each
 * submit therefore sees every maximum.
 */
final class RequestRegistry {

    enum CancelOutcome { CANCELLATION_REQUESTED, ALREADY_COMPLETED, NOT_FOUND }

    private static final long SWEEP_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final Map<String, SimRequest> requests = new ConcurrentHashMap<>();
    private final long retentionNanos;
    private final Object lock = new Object();
    // Guarded by lock from here on.
    private final TreeSet<SimRequest> inFlight = new TreeSet<>(
            Comparator.comparingLong(SimRequest::completesAtNanos).thenComparingLong(SimRequest::sequence));
    private final Map<String, Integer> countsByApp = new HashMap<>();
    private final Map<String, Integer> countsByKey = new HashMap<>();
    private long sequence;
    private int total;
    private int peak;
    private long lastSweepNanos = System.nanoTime();
    private volatile long latencyMillis;

    RequestRegistry(long latencyMillis, long retentionMillis) {
        this.latencyMillis = latencyMillis;
        this.retentionNanos = TimeUnit.MILLISECONDS.toNanos(retentionMillis);
    }

    SimRequest submit(String appId, String modelPath, JsonNode input, String webhookUrl) {
        return submit(appId, modelPath, input, webhookUrl, null);
    }

    /** {@code key}: the submission's idempotency key (or its webhook URL), counted so tests can assert "never twice". */
    SimRequest submit(String appId, String modelPath, JsonNode input, String webhookUrl, String key) {
        return submit(appId, modelPath, input, webhookUrl, key, null, null, 0);
    }

    /**
     * @param latency       this request's latency instead of the configured one (training runs longer; a synchronous
     *                      run is complete when answered), or null
     * @param failure       a {@link Fault.Kind#FAILED} fault the request ends in, or null
     * @param datasetImages images in a training request's archive
     */
    SimRequest submit(String appId, String modelPath, JsonNode input, String webhookUrl, String key, Long latency, Fault failure,
                      int datasetImages) {
        String id = UUID.randomUUID().toString();
        synchronized (lock) {
            long now = System.nanoTime();
            dropFinished(now);
            SimRequest request = new SimRequest(++sequence, id, appId, modelPath, input, webhookUrl, now,
                    latency != null ? latency : latencyMillis, failure, datasetImages);
            requests.put(id, request);
            inFlight.add(request);
            peak = Math.max(peak, inFlight.size());
            total++;
            countsByApp.merge(appId, 1, Integer::sum);
            if (key != null) {
                countsByKey.merge(key, 1, Integer::sum);
            }
            if (!modelPath.equals(appId)) {
                countsByApp.merge(modelPath, 1, Integer::sum);
            }
            if (now - lastSweepNanos > Math.min(SWEEP_INTERVAL_NANOS, retentionNanos)) {
                forgetExpired(now);
            }
            return request;
        }
    }

    Optional<SimRequest> find(String appId, String id) {
        return find(id).filter(r -> r.appId().equals(appId));
    }

    Optional<SimRequest> find(String id) {
        return Optional.ofNullable(requests.get(id));
    }

    /** 0-based count of the same app's requests that were submitted earlier and are still queued. */
    int queuePosition(SimRequest request, long nowNanos) {
        int position = 0;
        for (SimRequest other : requests.values()) {
            if (other.isQueuedBefore(request, nowNanos)) {
                position++;
            }
        }
        return position;
    }

    CancelOutcome cancel(String appId, String id) {
        synchronized (lock) {
            SimRequest request = find(appId, id).orElse(null);
            if (request == null) {
                return CancelOutcome.NOT_FOUND;
            }
            long now = System.nanoTime();
            SimRequest.State state = request.state(now);
            if (state == SimRequest.State.COMPLETED || state == SimRequest.State.CANCELLED) {
                return CancelOutcome.ALREADY_COMPLETED;
            }
            inFlight.remove(request);
            request.cancel(now);
            return CancelOutcome.CANCELLATION_REQUESTED;
        }
    }

    long latencyMillis() {
        return latencyMillis;
    }

    void setLatencyMillis(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("latencyMillis must be >= 0: " + millis);
        }
        latencyMillis = millis;
    }

    int submissionCount() {
        synchronized (lock) {
            return total;
        }
    }

    int submissionCount(String appId) {
        synchronized (lock) {
            return countsByApp.getOrDefault(appId, 0);
        }
    }

    Map<String, Integer> submissionsByKey() {
        synchronized (lock) {
            return Map.copyOf(countsByKey);
        }
    }

    int peakInFlight() {
        synchronized (lock) {
            return peak;
        }
    }

    int inFlight() {
        synchronized (lock) {
            dropFinished(System.nanoTime());
            return inFlight.size();
        }
    }

    void reset() {
        synchronized (lock) {
            requests.clear();
            inFlight.clear();
            countsByApp.clear();
            countsByKey.clear();
            total = 0;
            peak = 0;
        }
    }

    private void dropFinished(long now) {
        while (!inFlight.isEmpty() && inFlight.first().completesAtNanos() - now <= 0) {
            inFlight.pollFirst();
        }
    }

    private void forgetExpired(long now) {
        lastSweepNanos = now;
        requests.values().removeIf(r -> now - r.endNanos() > retentionNanos);
    }
}
