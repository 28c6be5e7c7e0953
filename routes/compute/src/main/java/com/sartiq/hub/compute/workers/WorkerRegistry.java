package com.sartiq.hub.compute.workers;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The queues this process works on and their load. Knows this process's worker id (written on every
 * task it claims) and drains the workers when the process stops: no more claims, the tasks in hand get
 * {@code hub.worker.shutdown-timeout-seconds} to finish, then whatever was not started is released.
 */
@Component
public class WorkerRegistry {

    /** pid@host plus a random suffix: unique per hub instance even when pids repeat in containers (or hubs share a JVM in tests). */
    private final String workerId = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);

    private static final Logger LOG = LoggerFactory.getLogger(WorkerRegistry.class);

    private final Map<String, WorkerLoad> loads = new ConcurrentSkipListMap<>();
    private final Map<String, WorkerProperties.Queue> settings = new ConcurrentSkipListMap<>();

    public String workerId() {
        return workerId;
    }

    WorkerLoad register(String queue, WorkerProperties.Queue queueSettings) {
        settings.put(queue, queueSettings);
        return loads.computeIfAbsent(queue, q -> new WorkerLoad(queueSettings.concurrency()));
    }

    public Map<String, WorkerLoad> loads() {
        return loads;
    }

    public Map<String, WorkerProperties.Queue> settings() {
        return settings;
    }

    /** Stops claiming and waits up to the timeout for the tasks in hand; returns the number still busy. */
    public int drain(long timeoutMillis) {
        loads.values().forEach(WorkerLoad::drain);
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (busy() > 0 && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        int left = busy();
        if (left > 0) {
            LOG.warn("Shutdown: {} task(s) still in progress after {} ms", left, timeoutMillis);
        }
        return left;
    }

    public int busy() {
        return loads.values().stream().mapToInt(WorkerLoad::busy).sum();
    }
}
