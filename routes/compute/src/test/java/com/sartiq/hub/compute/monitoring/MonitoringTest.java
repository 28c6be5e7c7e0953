package com.sartiq.hub.compute.monitoring;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MonitoringTest {

    private final Monitoring monitoring = new Monitoring(new ObjectMapper());

    @Test
    void aQueueWithDueTasksAndNoLiveWorkerMakesTheWorkersDegraded() throws Exception {
        var workers = monitoring.workers(List.of(Map.of("id", "w1", "host", "h", "roles", "fal", "queues", "{\"fal\":{\"busy\":3,\"capacity\":50}}",
                "stopping", false, "alive", true)));
        var queues = monitoring.queues(List.of(Map.of("queue", "fal", "pending", 4, "due", 4, "running", 3),
                Map.of("queue", "llm", "pending", 2, "due", 2)), workers);
        var fal = queues.stream().filter(q -> q.queue().equals("fal")).findFirst().orElseThrow();
        assertEquals(50, fal.capacity());
        assertEquals(3, fal.busy());
        assertEquals(List.of("cpu", "fal", "fal-training", "inference", "llm"), queues.stream().map(MonitoringViews.QueueStats::queue).toList(),
                "every known queue is listed, empty or not");
        var health = monitoring.health(workers, queues);
        assertEquals("degraded", health.status());
        assertEquals(List.of("llm"), health.queuesWithoutWorkers());
        assertEquals("unhealthy", monitoring.health(List.of(), queues).status());
    }
}
