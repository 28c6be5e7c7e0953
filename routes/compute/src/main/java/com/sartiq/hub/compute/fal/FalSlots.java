package com.sartiq.hub.compute.fal;

import com.sartiq.hub.compute.providers.RedisSemaphore;
import com.sartiq.hub.compute.tasks.QueueWake;
import com.sartiq.hub.compute.workers.QueueAdmission;
import org.apache.camel.ExchangeProperty;

import java.util.Set;

/**
 * fal's in-flight limit across all instances: a slot per task, taken before submit and held until the
 * result is in our storage (or the request failed or was cancelled). Renewed by every status check.
 * The fal queues claim only as many tasks as there are free slots, so waiting tasks stay in the queue rather
 * than in workers polling for a slot; a release wakes those queues' claimers in every instance at once.
 */
public class FalSlots implements QueueAdmission {

    static final String PROVIDER = "fal";
    private static final Set<String> QUEUES = Set.of("fal", "fal-training");

    private final RedisSemaphore semaphore;
    private final FalProperties fal;
    private final QueueWake wake;

    public FalSlots(RedisSemaphore semaphore, FalProperties fal, QueueWake wake) {
        this.semaphore = semaphore;
        this.fal = fal;
        this.wake = wake;
    }

    public boolean acquire(@ExchangeProperty("taskId") String taskId) throws InterruptedException {
        return semaphore.acquire(PROVIDER, taskId, fal.concurrency(), fal.leaseSeconds() * 1000L, fal.slotWaitMs());
    }

    public void renew(@ExchangeProperty("taskId") String taskId) {
        semaphore.renew(PROVIDER, taskId, fal.leaseSeconds() * 1000L);
    }

    public void release(@ExchangeProperty("taskId") String taskId) {
        semaphore.release(PROVIDER, taskId);
        QUEUES.forEach(wake::wake);
    }

    public int inUse() {
        return semaphore.inUse(PROVIDER);
    }

    @Override
    public Set<String> queues() {
        return QUEUES;
    }

    /**
     * The free slots, less this process's tasks already claimed that may not hold one yet: instances racing
     * for the same free slot are rare and cost a short wait in {@link #acquire}, never a second request in flight.
     */
    @Override
    public int admit(int wanted, int working) {
        return Math.max(0, Math.min(wanted, fal.concurrency() - inUse() - working));
    }
}
