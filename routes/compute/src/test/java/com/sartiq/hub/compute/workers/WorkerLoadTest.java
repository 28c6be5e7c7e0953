package com.sartiq.hub.compute.workers;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;

class WorkerLoadTest {

    @Test
    void twoClaimersNeverReserveMoreThanTheCapacity() {
        WorkerLoad load = new WorkerLoad(4);
        int first = load.reserve();
        int second = load.reserve();
        assertEquals(4, first + second);
        load.unreserve(3);
        assertEquals(3, load.reserve(), "slots a claim did not fill are free again");
        load.finished();
        assertEquals(1, load.reserve());
    }

    @Test
    void aSharedLimitCapsTheReservation() {
        WorkerLoad load = new WorkerLoad(4);
        assertEquals(1, load.reserve(1));
        assertEquals(0, load.reserve(0), "nothing admitted: nothing claimed");
        assertEquals(3, load.reserve(10), "the own capacity still bounds it");
    }

    @Test
    void aDrainingWorkerReservesNothing() {
        WorkerLoad load = new WorkerLoad(4);
        load.drain();
        assertEquals(0, load.reserve());
        assertEquals(0, load.busy());
    }

    @Test
    void knownQueuesHaveTheirRoleAndOnlyTheLlmQueueNeverRepeatsAnAttemptInDoubt() {
        WorkerProperties workers = new WorkerProperties(Map.of("cpu", new WorkerProperties.Queue(7, null, null, null, null, null, null, null),
                "extra", new WorkerProperties.Queue(null, null, null, null, null, "direct:tasks.noop", null, "inference")));
        assertEquals(7, workers.forQueue("cpu").concurrency());
        assertEquals(300, workers.forQueue("cpu").leaseSeconds(), "unset keys keep the queue's defaults");
        assertEquals("fal", workers.forQueue("fal-training").role());
        // fal handlers record a marker before each submit: a fal task without one never reached fal
        assertTrue(workers.forQueue("fal").requeueInDoubt());
        assertTrue(workers.forQueue("fal-training").requeueInDoubt());
        assertFalse(workers.forQueue("llm").requeueInDoubt());
        assertEquals(true, workers.forQueue("cpu").requeueInDoubt());
        assertEquals("inference", workers.forQueue("extra").role());
        assertEquals("direct:tasks.noop", workers.forQueue("extra").handler());
        assertNull(workers.forQueue("fal").handler());
    }

    @Test
    void theCpuQueueRunsOneWorkerPerCoreUnlessTold() {
        int cores = Runtime.getRuntime().availableProcessors();
        assertEquals(cores, new WorkerProperties(Map.of()).forQueue("cpu").concurrency());
        assertEquals(cores, new WorkerProperties(Map.of("fal", new WorkerProperties.Queue(0, null, null, null, null, null, null, null)))
                .forQueue("fal").concurrency(), "0 means one per core on any queue");
    }
}
