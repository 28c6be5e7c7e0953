package com.sartiq.hub.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.sartiq.hub.localstack.LocalStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every status change of a task reaches its webhook (signed, in order) and compute's Redis channel. */
class TaskEventsTest {

    private static final List<String> FIELDS = List.of("event_type", "task_id", "task_type", "status", "entity_id", "origin_instance",
            "origin_zone", "origin_version", "timestamp", "started_at", "completed_at", "metadata", "progress", "error_message",
            "error_category", "additional_properties", "sequence");

    private static LocalStack hubs;

    @BeforeAll
    static void start() {
        hubs = Hubs.get();
    }

    @Test
    void eachStatusChangeIsPostedSignedInOrderAndPublishedOnRedis() throws Exception {
        ComputeEventCapture events = ComputeEventCapture.start(hubs);
        List<JsonNode> webhooks = events.webhooks;
        List<JsonNode> published = events.published;
        String hook = events.hookUrl();
        Http.Response created = Http.postJson(hubs.computeUrl() + "/api/v1/tasks/", hubs.stack().secrets().computeApiKey(),
                "{\"task_type\":\"GENERATION\",\"prompt\":\"a silk scarf\",\"width\":256,\"height\":256,\"webhook_url\":\"" + hook
                        + "\",\"entity_id\":\"scarf-1\",\"origin_instance\":\"events-test\",\"metadata\":{\"look\":\"L1\"}}");
        assertEquals(201, created.status(), created.body());
        String taskId = created.json().get("id").asText();

        Http.await(hubs.computeUrl() + "/api/v1/tasks/" + taskId, hubs.stack().secrets().computeApiKey(), Duration.ofSeconds(60),
                t -> t.get("status").asText().equals("completed"));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline && (last(webhooks, taskId) == null || last(published, taskId) == null)) {
            Thread.sleep(50);
        }
        events.close();

        List<JsonNode> posted = webhooks.stream().filter(e -> e.path("task_id").asText().equals(taskId)).toList();
        assertTrue(events.badSignatures.isEmpty(), "every webhook is signed with the shared secret");
        assertTrue(posted.size() >= 3, "pending, running and completed at least: " + posted);
        for (int i = 0; i < posted.size(); i++) {
            JsonNode event = posted.get(i);
            assertEquals(i + 1, event.get("sequence").asInt(), "delivered in order, none missing: " + posted);
            FIELDS.forEach(field -> assertTrue(event.has(field), "event has " + field + ": " + event));
            assertEquals("task_status_update", event.get("event_type").asText());
            assertEquals("GENERATION", event.get("task_type").asText());
            assertEquals("scarf-1", event.get("entity_id").asText());
            assertEquals("L1", event.at("/metadata/look").asText());
        }
        assertEquals("pending", posted.get(0).get("status").asText());
        assertEquals("running", posted.get(1).get("status").asText());
        assertEquals("completed", posted.get(posted.size() - 1).get("status").asText());
        assertEquals(100, posted.get(posted.size() - 1).get("progress").asInt());

        List<Integer> onRedis = published.stream().filter(e -> e.path("task_id").asText().equals(taskId)).map(e -> e.get("sequence").asInt()).toList();
        assertEquals(posted.stream().map(e -> e.get("sequence").asInt()).toList(), onRedis, "the same events, in the same order, on Redis");
    }

    @Test
    void workerLoadIsExportedAsAMetric() {
        String metrics = Http.get(hubs.computeUrl() + "/actuator/prometheus", null).body();
        assertTrue(metrics.contains("hub_worker_capacity{") && metrics.contains("queue=\"fal\""), "worker gauges exported");
        assertTrue(metrics.contains("hub_worker_busy{"), "worker gauges exported");
    }

    private static JsonNode last(List<JsonNode> events, String taskId) {
        return events.stream().filter(e -> e.path("task_id").asText().equals(taskId) && e.get("status").asText().equals("completed"))
                .findFirst().orElse(null);
    }
}
