package com.sartiq.hub.compute.workers;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many tasks of one queue this process is working on, so it never claims more than it can run,
 * and whether it is draining for shutdown (then it claims nothing and starts nothing new).
 */
public final class WorkerLoad {

    private final int capacity;
    private final AtomicInteger busy = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();

    public WorkerLoad(int capacity) {
        this.capacity = capacity;
    }

    /**
     * Takes every free slot at once; the timer and a Redis wake-up may claim at the same time, and
     * each only claims what it reserved. Give back what the claim did not fill with {@link #unreserve}.
     */
    public int reserve() {
        return reserve(Integer.MAX_VALUE);
    }

    /** As {@link #reserve()}, but no more than {@code admitted} (what a limit shared by every instance lets in). */
    public int reserve(int admitted) {
        while (true) {
            int now = busy.get();
            int free = draining.get() ? 0 : Math.max(0, Math.min(admitted, capacity - now));
            if (free == 0 || busy.compareAndSet(now, now + free)) {
                return free;
            }
        }
    }

    public void unreserve(int slots) {
        busy.addAndGet(-slots);
    }

    public void finished() {
        busy.decrementAndGet();
    }

    public void drain() {
        draining.set(true);
    }

    public boolean draining() {
        return draining.get();
    }

    public int busy() {
        return busy.get();
    }

    public int capacity() {
        return capacity;
    }
}
