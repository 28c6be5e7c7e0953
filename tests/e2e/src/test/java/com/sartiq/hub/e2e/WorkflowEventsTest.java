package com.sartiq.hub.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.sartiq.hub.localstack.LocalStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A workflow's events (every status change, every node end) reach its webhook signed and in order, with
 * a growing sequence and progress, the last one carrying the whole workflow; the same events go out on
 * compute's Redis channel.
 */
class WorkflowEventsTest {

    private static LocalStack hubs;

    @BeforeAll
    static void start() {
        hubs = Hubs.get();
    }

    @Test
    void everyChangeIsPostedSignedInOrderAndPublishedOnRedis() throws Exception {
        ComputeEventCapture events = ComputeEventCapture.start(hubs);
        List<JsonNode> webhooks = events.webhooks;
        List<JsonNode> published = events.published;
        String apiKey = hubs.stack().secrets().computeApiKey();
        String hook = events.hookUrl();
        Http.Response created = Http.postJson(hubs.computeUrl() + "/api/v1/workflows/", apiKey, "{\"name\":\"events\",\"webhook_url\":\"" + hook
                + "\",\"metadata\":{\"generation_id\":\"g-1\"},\"steps\":["
                + "{\"id\":\"generate\",\"task_type\":\"GENERATION\",\"config\":{\"prompt\":\"a silk tie\",\"width\":256,\"height\":256}},"
                + "{\"id\":\"refine\",\"task_type\":\"REFINE\",\"depends_on\":[\"generate\"],\"input_mappings\":{\"image_url\":\"generate.images.0.url\"}}]}");
        assertEquals(201, created.status(), created.body());
        String id = created.json().get("id").asText();
        assertEquals(hook, created.json().get("webhook_url").asText());

        Http.await(hubs.computeUrl() + "/api/v1/workflows/" + id, apiKey, Duration.ofSeconds(60), w -> w.get("status").asText().equals("completed"));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline && (completed(webhooks, id) == null || completed(published, id) == null)) {
            Thread.sleep(50);
        }
        events.close();

        List<JsonNode> posted = webhooks.stream().filter(e -> id.equals(e.path("workflow_id").asText())).toList();
        assertTrue(events.badSignatures.isEmpty(), "signed with the shared secret, like task events");
        List<String> summary = posted.stream().map(e -> e.get("sequence").asInt() + ":" + e.get("status").asText() + ":"
                + e.path("node").path("id").asText("-") + "=" + e.path("node").path("status").asText("-") + ":" + e.get("progress").asInt()).toList();
        assertEquals(List.of("1:created:-=-:0", "2:running:-=-:0", "3:running:generate=completed:50", "4:running:refine=completed:100",
                "5:completed:-=-:100"), summary);
        posted.forEach(e -> {
            assertEquals("workflow_status_update", e.get("event_type").asText());
            assertEquals("g-1", e.at("/metadata/generation_id").asText());
        });
        JsonNode last = posted.get(posted.size() - 1);
        assertEquals("completed", last.at("/workflow/status").asText(), "the terminal event carries the workflow");
        assertEquals("completed", last.at("/workflow/steps/1/status").asText());
        assertTrue(last.at("/workflow/steps/1/output/images/0/url").asText().startsWith("http"), last.toString());

        List<Integer> onRedis = published.stream().filter(e -> id.equals(e.path("workflow_id").asText())).map(e -> e.get("sequence").asInt()).toList();
        assertEquals(List.of(1, 2, 3, 4, 5), onRedis, "the same events, in the same order, on Redis");
    }

    private static JsonNode completed(List<JsonNode> events, String id) {
        return events.stream().filter(e -> id.equals(e.path("workflow_id").asText()) && e.get("status").asText().equals("completed"))
                .findFirst().orElse(null);
    }
}
