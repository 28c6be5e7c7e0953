package com.sartiq.hub.compute.workers;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Worker knobs per queue ({@code hub.workers.<queue>.*}) plus the process-wide ones under
 * {@code hub.worker.*} ({@link Process}). The known queues and the role that runs each are fixed here;
 * a queue absent from the configuration runs with defaults.
 */
public final class WorkerProperties {

    /** Queue → the {@code hub.roles} entry that runs its workers. */
    public static final Map<String, String> QUEUE_ROLES = Map.of(
            "fal", "fal",
            "fal-training", "fal",
            "llm", "llm",
            "cpu", "cpu",
            "inference", "inference");

    /**
     * Queues whose handlers may reach a paid provider without first recording it: an attempt whose worker died there is
     * not repeated blindly. The fal handlers commit a "submitting" marker before every submit, so a fal task without a
     * provider request provably never reached fal and runs again.
     */
    static final Set<String> PAID = Set.of("llm", "inference");

    private final Map<String, Queue> queues;
    private final Process process;

    public WorkerProperties(Map<String, Queue> configured, Process process) {
        this.queues = new LinkedHashMap<>();
        QUEUE_ROLES.keySet().stream().sorted().forEach(q -> queues.put(q, defaults(q).overriddenBy(configured.get(q))));
        configured.forEach((q, settings) -> queues.putIfAbsent(q, defaults(q).overriddenBy(settings)));
        this.process = process == null ? new Process(null, null, null, null) : process;
    }

    public WorkerProperties(Map<String, Queue> configured) {
        this(configured, null);
    }

    /**
     * @param concurrency       tasks of this queue worked on at once by one process; 0 = one per available core
     *                          (the container's CPU limit), the default of the cpu queue
     * @param pollIntervalMs    how often an idle worker looks for work (Redis wakes it sooner)
     * @param leaseSeconds      how long a claim lasts without a heartbeat before the reaper takes the task back
     * @param maxAttempts       attempts before a task fails for good
     * @param retryDelaySeconds first back-off after a transient failure (doubles per attempt, with jitter)
     * @param handler           route every task of this queue goes to instead of its type's handler
     *                          ({@code direct:tasks.noop} for drills and benchmarks); empty: by type
     * @param requeueInDoubt    whether a task whose worker died after handing it to its handler, before any
     *                          provider request was recorded, is run again (true) or failed (false: no second
     *                          paid call); default false for llm and inference (their calls leave no marker first)
     * @param role              the {@code hub.roles} entry that runs this queue (known queues: fixed)
     */
    public record Queue(Integer concurrency, Long pollIntervalMs, Integer leaseSeconds, Integer maxAttempts, Integer retryDelaySeconds,
                        String handler, Boolean requeueInDoubt, String role) {

        public Queue {
            if (concurrency != null && concurrency == 0) {
                concurrency = Runtime.getRuntime().availableProcessors();
            }
        }

        Queue overriddenBy(Queue other) {
            if (other == null) {
                return this;
            }
            return new Queue(pick(other.concurrency, concurrency), pick(other.pollIntervalMs, pollIntervalMs), pick(other.leaseSeconds, leaseSeconds),
                    pick(other.maxAttempts, maxAttempts), pick(other.retryDelaySeconds, retryDelaySeconds),
                    pick(blankToNull(other.handler), handler), pick(other.requeueInDoubt, requeueInDoubt), pick(blankToNull(other.role), role));
        }

        public boolean hasHandler() {
            return handler != null && !handler.isBlank();
        }
    }

    /**
     * Process-wide worker settings ({@code hub.worker.*}).
     *
     * @param heartbeatIntervalMs  how often leases of running tasks are extended and the process announces itself
     * @param shutdownTimeoutSeconds on SIGTERM: how long tasks in progress may take to finish before the rest is released
     * @param inDoubtGraceSeconds  how long an in-doubt task (see {@link Queue#requeueInDoubt}) waits for a provider
     *                             request to be adopted (e.g. from a provider webhook) before it is failed
     * @param staleWorkerSeconds   a worker silent this long is shown as lost and its row removed
     */
    public record Process(Long heartbeatIntervalMs, Integer shutdownTimeoutSeconds, Integer inDoubtGraceSeconds, Integer staleWorkerSeconds) {
        public Process {
            heartbeatIntervalMs = heartbeatIntervalMs == null ? 10_000L : heartbeatIntervalMs;
            shutdownTimeoutSeconds = shutdownTimeoutSeconds == null ? 15 : shutdownTimeoutSeconds;
            inDoubtGraceSeconds = inDoubtGraceSeconds == null ? 300 : inDoubtGraceSeconds;
            staleWorkerSeconds = staleWorkerSeconds == null ? 120 : staleWorkerSeconds;
        }
    }

    static Queue defaults(String queue) {
        return switch (queue) {
            case "fal" -> new Queue(50, 500L, 120, 3, 5, null, true, "fal");
            case "fal-training" -> new Queue(5, 1000L, 300, 3, 30, null, true, "fal");
            case "llm" -> new Queue(10, 500L, 180, 3, 5, null, false, "llm");
            case "cpu" -> new Queue(0, 500L, 300, 3, 5, null, true, "cpu");
            case "inference" -> new Queue(8, 500L, 120, 3, 5, null, false, "inference");
            default -> new Queue(2, 500L, 300, 3, 5, null, !PAID.contains(queue), null);
        };
    }

    public Queue forQueue(String name) {
        Queue queue = queues.get(name);
        if (queue == null) {
            throw new IllegalArgumentException("no worker settings for queue " + name);
        }
        return queue;
    }

    public Map<String, Queue> queues() {
        return queues;
    }

    public Process process() {
        return process;
    }

    private static <T> T pick(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
