package com.sartiq.hub.compute.workers;

import java.util.concurrent.atomic.AtomicInteger;

/** How many tasks of one queue this process is working on, so it never claims more than it can run. */
public final class WorkerLoad {

    private final int capacity;
    private final AtomicInteger busy = new AtomicInteger();

    public WorkerLoad(int capacity) {
        this.capacity = capacity;
    }

    /** Free slots right now; only the single claim poller adds to the load, so this cannot over-commit. */
    public int free() {
        return Math.max(0, capacity - busy.get());
    }

    public void claimed(int count) {
        busy.addAndGet(count);
    }

    public void finished() {
        busy.decrementAndGet();
    }

    public int busy() {
        return busy.get();
    }

    public int capacity() {
        return capacity;
    }
}
