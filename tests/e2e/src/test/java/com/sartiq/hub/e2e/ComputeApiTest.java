package com.sartiq.hub.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.sartiq.hub.localstack.LocalStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The compute API beyond the first generation: each task type's validation, cancel and result,
 * the typed generation and training endpoints, monitoring with paging, API keys and queue metrics.
 * The e2e stack runs no llm role, so LLM_INTERACTION tasks stay pending: a stable "not started" task.
 */
class ComputeApiTest {

    private static LocalStack hubs;
    private static String apiKey;
    private static String tasks;

    @BeforeAll
    static void start() {
        hubs = Hubs.get();
        apiKey = hubs.stack().secrets().computeApiKey();
        tasks = hubs.computeUrl() + "/api/v1/tasks/";
    }

    @Test
    void eachTaskTypeNamesItsBadField() {
        Map<String, String> cases = Map.ofEntries(
                Map.entry("{\"task_type\":\"GENERATION\",\"prompt\":\"x\",\"subject_lora_weight\":1.5}", "subject_lora_weight"),
                Map.entry("{\"task_type\":\"EDITING\",\"image_url\":\"https://cdn.example/a.png\"}", "prompt"),
                Map.entry("{\"task_type\":\"REFINE\",\"image_url\":\"https://cdn.example/a.png\",\"upscale_factor\":8}", "upscale_factor"),
                Map.entry("{\"task_type\":\"VIDEO_GENERATION\",\"image_url\":\"https://cdn.example/a.png\",\"prompt\":\"walk\",\"aspect_ratio\":\"4:3\"}", "aspect_ratio"),
                Map.entry("{\"task_type\":\"BACKGROUND_FIX\",\"image_url\":\"ftp://cdn.example/a.png\",\"prompt\":\"beach\"}", "image_url"),
                Map.entry("{\"task_type\":\"FACE_ENHANCER\",\"image_url\":\"https://cdn.example/a.png\",\"strength\":-0.5}", "strength"),
                Map.entry("{\"task_type\":\"IMAGE_ADJUSTER\",\"image_url\":\"https://cdn.example/a.png\",\"brightness\":2}", "brightness"),
                Map.entry("{\"task_type\":\"DETAIL_ENHANCER\"}", "image_url"),
                Map.entry("{\"task_type\":\"BACKGROUND_REMOVE\",\"image_url\":\"file:///etc/passwd\"}", "image_url"),
                Map.entry("{\"task_type\":\"LLM_INTERACTION\",\"prompt\":\"caption\",\"response_format\":\"xml\"}", "response_format"),
                Map.entry("{\"task_type\":\"TRAINING\",\"trigger_word\":\"sqshirt\",\"source_images\":[]}", "source_images"),
                Map.entry("{\"task_type\":\"TRAINING\",\"trigger_word\":\"sqshirt\",\"source_images\":[\"https://cdn.example/1.png\"],\"training_type\":\"HALF\"}", "training_type"),
                Map.entry("{\"task_type\":\"GENERATION\",\"prompt\":\"x\",\"priority\":99}", "priority"));
        List<String> wrong = new ArrayList<>();
        cases.forEach((body, field) -> {
            Http.Response response = Http.postJson(tasks, apiKey, body);
            JsonNode loc = response.status() == 422 ? response.json().at("/detail/0/loc") : null;
            if (loc == null || !loc.toString().equals("[\"body\",\"" + field + "\"]")) {
                wrong.add(body + " → " + response.status() + " " + response.body());
            }
        });
        assertTrue(wrong.isEmpty(), "expected a 422 naming the field:\n" + String.join("\n", wrong));
    }

    @Test
    void everyTypeIsAcceptedWithValidParamsAndQueuedWhereItBelongs() {
        Http.Response llm = Http.postJson(tasks, apiKey, "{\"task_type\":\"llm_interaction\",\"prompt\":\"Describe the garment\","
                + "\"image_urls\":[\"https://cdn.example/a.png\"],\"response_format\":\"json\",\"priority\":3,\"origin_instance\":\"api-test\"}");
        assertEquals(201, llm.status(), llm.body());
        assertEquals("LLM_INTERACTION", llm.json().get("task_type").asText());
        JsonNode details = Http.get(hubs.computeUrl() + "/api/v1/monitoring/tasks/" + llm.json().get("id").asText(), apiKey).json();
        assertEquals("llm", details.at("/task/queue").asText());
        assertEquals(3, details.at("/task/priority").asInt());
        assertEquals("pending", details.at("/events/0/event/status").asText(), "its history starts with the pending event");
    }

    @Test
    void aPendingTaskIsCancelledWithAnEventAndAFinishedOneCannotBe() {
        String id = Http.postJson(tasks, apiKey, "{\"task_type\":\"LLM_INTERACTION\",\"prompt\":\"cancel me\"}").json().get("id").asText();
        Http.Response cancelled = Http.postJson(tasks + id + "/cancel", apiKey, "");
        assertEquals(200, cancelled.status(), cancelled.body());
        assertEquals("cancelled", cancelled.json().get("status").asText());
        assertEquals(200, Http.postJson(tasks + id + "/cancel", apiKey, "").status(), "cancelling again answers the cancelled task");
        Http.Response result = Http.get(tasks + id + "/result", apiKey);
        assertEquals("cancelled", result.json().get("status").asText());
        JsonNode events = Http.get(hubs.computeUrl() + "/api/v1/monitoring/tasks/" + id, apiKey).json().get("events");
        assertEquals("cancelled", events.get(events.size() - 1).at("/event/status").asText());

        String done = Http.postJson(tasks + "generation", apiKey, "{\"prompt\":\"a linen dress\",\"width\":256,\"height\":256}").json().get("id").asText();
        Http.await(tasks + done, apiKey, Duration.ofSeconds(60), t -> t.get("status").asText().equals("completed"));
        Http.Response late = Http.postJson(tasks + done + "/cancel", apiKey, "");
        assertEquals(409, late.status(), late.body());
        assertEquals("Task already completed: it cannot be cancelled", late.json().get("detail").asText());
        assertEquals(404, Http.postJson(tasks + UUID.randomUUID() + "/cancel", apiKey, "").status());
        assertEquals(404, Http.get(tasks + UUID.randomUUID() + "/result", apiKey).status());
        JsonNode output = Http.get(tasks + done + "/result", apiKey).json();
        assertEquals("completed", output.get("status").asText());
        assertTrue(output.at("/output/images/0/url").asText().startsWith("http"), output.toString());
    }

    @Test
    void aRunningGenerationCancelledBeforeItsResultStaysCancelled() throws Exception {
        hubs.stack().simulator().setLatencyMillis(3000);
        try {
            String id = Http.postJson(tasks + "generation", apiKey, "{\"prompt\":\"a wool coat\",\"width\":256,\"height\":256}").json().get("id").asText();
            Http.await(tasks + id, apiKey, Duration.ofSeconds(20), t -> t.get("status").asText().equals("running"));
            assertEquals(200, Http.postJson(tasks + id + "/cancel", apiKey, "").status());
            Thread.sleep(4000);
            JsonNode task = Http.get(tasks + id, apiKey).json();
            assertEquals("cancelled", task.get("status").asText(), "the provider's result arrived after the cancel and was dropped");
            assertTrue(task.get("output").isNull());
        } finally {
            hubs.stack().simulator().setLatencyMillis(300);
        }
    }

    @Test
    void theTypedEndpointsOnlyShowTheirOwnType() {
        Http.Response generation = Http.postJson(tasks + "generation", apiKey, "{\"prompt\":\"a cotton shirt\",\"width\":256,\"height\":256}");
        assertEquals(201, generation.status(), generation.body());
        String id = generation.json().get("id").asText();
        assertEquals(200, Http.get(tasks + "generation/" + id, apiKey).status());
        assertEquals(404, Http.get(hubs.computeUrl() + "/api/v1/training/" + id, apiKey).status(), "a generation is not a training");

        Http.Response training = Http.postJson(hubs.computeUrl() + "/api/v1/training/", apiKey,
                "{\"trigger_word\":\"sqshirt\",\"source_images\":[\"https://cdn.example/1.png\",\"https://cdn.example/2.png\"],\"entity_type\":\"PRODUCT\"}");
        assertEquals(201, training.status(), training.body());
        assertEquals("TRAINING", training.json().get("task_type").asText());
        assertEquals(16, training.json().at("/params/rank").asInt(), "documented defaults filled in");
        assertEquals(1000, training.json().at("/params/steps").asInt());
        assertEquals("LORA", training.json().at("/params/training_type").asText());
        String trainingId = training.json().get("id").asText();
        assertEquals(200, Http.get(hubs.computeUrl() + "/api/v1/training/" + trainingId, apiKey).status());
        assertEquals(404, Http.get(tasks + "generation/" + trainingId, apiKey).status());
        Http.Response invalid = Http.postJson(hubs.computeUrl() + "/api/v1/training/", apiKey, "{\"source_images\":[\"https://cdn.example/1.png\"]}");
        assertEquals(422, invalid.status());
        assertEquals("[\"body\",\"trigger_word\"]", invalid.json().at("/detail/0/loc").toString());
    }

    @Test
    void monitoringListsTasksPageByPageWithFilters() {
        String origin = "paging-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(Http.postJson(tasks, apiKey, "{\"task_type\":\"LLM_INTERACTION\",\"prompt\":\"p" + i + "\",\"origin_instance\":\"" + origin + "\"}")
                    .json().get("id").asText());
        }
        // the llm worker runs in this stack: let the five end first, so each filter has one true answer
        Map<String, String> ended = new HashMap<>();
        for (String id : ids) {
            ended.put(id, Http.await(tasks + id, apiKey, Duration.ofSeconds(60),
                    t -> List.of("completed", "failed").contains(t.get("status").asText())).get("status").asText());
        }
        String list = hubs.computeUrl() + "/api/v1/monitoring/tasks?origin_instance=" + origin + "&page_size=2&sort_order=asc";
        JsonNode first = Http.get(list + "&page=1", apiKey).json();
        JsonNode third = Http.get(list + "&page=3", apiKey).json();
        assertEquals(5, first.get("total").asInt());
        assertEquals(3, first.get("pages").asInt());
        assertEquals(List.of(ids.get(0), ids.get(1)), List.of(first.at("/items/0/id").asText(), first.at("/items/1/id").asText()));
        assertEquals(1, third.get("items").size());
        assertEquals(ids.get(4), third.at("/items/0/id").asText());
        assertEquals(ended.get(ids.get(4)).equals("failed"), third.at("/items/0/has_error").asBoolean());
        JsonNode byPrefix = Http.get(hubs.computeUrl() + "/api/v1/monitoring/tasks?search=" + ids.get(2).substring(0, 13), apiKey).json();
        assertEquals(ids.get(2), byPrefix.at("/items/0/id").asText());
        assertEquals(ended.values().stream().filter("completed"::equals).count(),
                Http.get(hubs.computeUrl() + "/api/v1/monitoring/tasks?origin_instance=" + origin + "&status=completed", apiKey).json()
                        .get("total").asLong());
        assertEquals(0, Http.get(hubs.computeUrl() + "/api/v1/monitoring/tasks?origin_instance=" + origin + "&status=pending", apiKey).json()
                .get("total").asInt());

        Http.Response bad = Http.get(hubs.computeUrl() + "/api/v1/monitoring/tasks?page=0&page_size=500&sort_by=secret&created_after=yesterday", apiKey);
        assertEquals(422, bad.status());
        List<String> fields = new ArrayList<>();
        bad.json().get("detail").forEach(d -> fields.add(d.get("loc").get(1).asText()));
        assertEquals(List.of("page", "page_size", "sort_by", "created_after"), fields);
    }

    @Test
    void queuesWorkersAndStatsAreShownAndExportedAsMetrics() throws Exception {
        Http.postJson(tasks, apiKey, "{\"task_type\":\"LLM_INTERACTION\",\"prompt\":\"waits: no llm worker in this stack\"}");
        JsonNode queues = Http.get(hubs.computeUrl() + "/api/v1/monitoring/queues", apiKey).json();
        List<String> names = new ArrayList<>();
        queues.forEach(q -> names.add(q.get("queue").asText()));
        assertTrue(names.containsAll(List.of("cpu", "fal", "fal-training", "llm")), names.toString());
        JsonNode workers = Http.get(hubs.computeUrl() + "/api/v1/monitoring/workers", apiKey).json();
        assertTrue(workers.size() >= 1 && workers.get(0).at("/queues/fal/capacity").asInt() > 0, workers.toString());
        JsonNode health = Http.get(hubs.computeUrl() + "/api/v1/monitoring/workers/health", apiKey).json();
        assertTrue(health.get("workers_alive").asInt() >= 1, health.toString());
        JsonNode stats = Http.get(hubs.computeUrl() + "/api/v1/monitoring/stats", apiKey).json();
        assertTrue(stats.at("/tasks/total").asLong() > 0, stats.toString());

        long deadline = System.currentTimeMillis() + 15_000;
        String metrics = "";
        while (System.currentTimeMillis() < deadline) {
            metrics = Http.get(hubs.computeUrl() + "/actuator/prometheus", null).body();
            if (metrics.contains("hub_queue_depth_tasks{") && metrics.contains("queue=\"llm\"")) {
                break;
            }
            Thread.sleep(500);
        }
        for (String metric : List.of("hub_queue_depth_tasks{", "hub_queue_oldest_task_age_seconds{", "hub_queue_running_tasks{",
                "hub_worker_busy{", "hub_tasks_retries_total{")) {
            assertTrue(metrics.contains(metric), metric + " exported");
        }
    }

    @Test
    void namedApiKeysWorkUntilRevoked() throws Exception {
        String name = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        Http.Response created = Http.postJson(hubs.computeUrl() + "/api/v1/api-keys", apiKey, "{\"name\":\"" + name + "\"}");
        assertEquals(201, created.status(), created.body());
        String key = created.json().get("key").asText();
        assertTrue(key.startsWith("sqc_") && key.startsWith(created.json().get("prefix").asText()));
        assertEquals(409, Http.postJson(hubs.computeUrl() + "/api/v1/api-keys", apiKey, "{\"name\":\"" + name + "\"}").status(), "names are unique");
        assertEquals(422, Http.postJson(hubs.computeUrl() + "/api/v1/api-keys", apiKey, "{\"name\":\"no spaces\"}").status());

        assertEquals(404, Http.get(tasks + UUID.randomUUID(), key).status(), "the new key is accepted");
        JsonNode listed = Http.get(hubs.computeUrl() + "/api/v1/api-keys", key).json();
        JsonNode mine = null;
        for (JsonNode k : listed) {
            assertFalse(k.has("key"), "keys are never listed");
            if (k.get("name").asText().equals(name)) {
                mine = k;
            }
        }
        assertTrue(mine != null && !mine.get("last_used_at").isNull(), listed.toString());

        String id = created.json().get("id").asText();
        Http.Response revoked = send("DELETE", hubs.computeUrl() + "/api/v1/api-keys/" + id);
        assertEquals(200, revoked.status(), revoked.body());
        assertEquals(409, send("DELETE", hubs.computeUrl() + "/api/v1/api-keys/" + id).status());
        assertEquals(404, send("DELETE", hubs.computeUrl() + "/api/v1/api-keys/" + UUID.randomUUID()).status());
        long deadline = System.currentTimeMillis() + 15_000;
        int status = 0;
        while (System.currentTimeMillis() < deadline && (status = Http.get(tasks + UUID.randomUUID(), key).status()) != 401) {
            Thread.sleep(500);
        }
        assertEquals(401, status, "a revoked key is refused once the cache expires");
    }

    private static Http.Response send(String method, String url) throws Exception {
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .header("Authorization", "Bearer " + apiKey).method(method, java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        return new Http.Response(response.statusCode(), response.body(), response.headers());
    }
}
