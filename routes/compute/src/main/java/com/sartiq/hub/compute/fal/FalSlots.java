package com.sartiq.hub.compute.fal;

import com.sartiq.hub.compute.providers.RedisSemaphore;
import org.apache.camel.ExchangeProperty;

/**
 * fal's in-flight limit across all instances: a slot per task, taken before submit and held until the
 * result is in our storage (or the request failed or was cancelled). Renewed by every status check.
 */
public class FalSlots {

    static final String PROVIDER = "fal";

    private final RedisSemaphore semaphore;
    private final FalProperties fal;

    public FalSlots(RedisSemaphore semaphore, FalProperties fal) {
        this.semaphore = semaphore;
        this.fal = fal;
    }

    public boolean acquire(@ExchangeProperty("taskId") String taskId) throws InterruptedException {
        return semaphore.acquire(PROVIDER, taskId, fal.concurrency(), fal.leaseSeconds() * 1000L, fal.slotWaitMs());
    }

    public void renew(@ExchangeProperty("taskId") String taskId) {
        semaphore.renew(PROVIDER, taskId, fal.leaseSeconds() * 1000L);
    }

    public void release(@ExchangeProperty("taskId") String taskId) {
        semaphore.release(PROVIDER, taskId);
    }

    public int inUse() {
        return semaphore.inUse(PROVIDER);
    }
}
