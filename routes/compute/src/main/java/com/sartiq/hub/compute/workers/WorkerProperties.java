package com.sartiq.hub.compute.workers;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Worker knobs per queue ({@code hub.workers.<queue>.*}).
 *
 * @param cpu local CPU work (U2NET background removal)
 * @param fal FAL requests: concurrency is the number of submissions in progress at once per process
 * @param llm LLM calls: concurrency is the number of calls (with their retries and failover) at once per process
 */
@ConfigurationProperties("hub.workers")
public record WorkerProperties(Queue cpu, Queue fal, Queue llm) {

    public WorkerProperties {
        cpu = cpu == null ? new Queue(2, null, null, null, null) : cpu;
        fal = fal == null ? new Queue(50, null, null, null, null) : fal;
        llm = llm == null ? new Queue(8, null, null, null, null) : llm;
    }

    /**
     * @param concurrency       tasks of this queue worked on at once by one process
     * @param pollIntervalMs    how often an idle worker looks for work
     * @param leaseSeconds      how long a claim lasts before another worker may take the task over
     * @param maxAttempts       attempts before a task fails for good
     * @param retryDelaySeconds first back-off after a transient failure (doubles per attempt, with jitter)
     */
    public record Queue(Integer concurrency, Long pollIntervalMs, Integer leaseSeconds, Integer maxAttempts, Integer retryDelaySeconds) {

        public Queue {
            concurrency = concurrency == null ? 2 : concurrency;
            pollIntervalMs = pollIntervalMs == null ? 500L : pollIntervalMs;
            leaseSeconds = leaseSeconds == null ? 300 : leaseSeconds;
            maxAttempts = maxAttempts == null ? 3 : maxAttempts;
            retryDelaySeconds = retryDelaySeconds == null ? 5 : retryDelaySeconds;
        }
    }

    public Queue forQueue(String name) {
        return switch (name) {
            case "cpu" -> cpu;
            case "fal" -> fal;
            case "llm" -> llm;
            default -> throw new IllegalArgumentException("no worker settings for queue " + name);
        };
    }
}
