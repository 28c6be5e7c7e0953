package com.sartiq.hub.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.sartiq.hub.common.security.WebhookSignature;
import com.sartiq.hub.localstack.LocalStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Compute's events on the backend: idempotent and ordered by per-task sequence; missed ones caught up by the
 * reconciliation job (which also submits what never reached compute, and fails what compute does not know); cancel.
 */
class GenerationEventsTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static LocalStack hubs;
    private static JdbcTemplate db;

    @BeforeAll
    static void start() {
        hubs = Hubs.get();
        db = hubs.backend().getBean(JdbcTemplate.class);
    }

    @Test
    void eventsApplyInSequenceOrderAndRepeatsOrOlderOnesChangeNothing() {
        Tenants.User user = Tenants.user(hubs, false);
        String taskId = UUID.randomUUID().toString();
        String generationId = generationWithTask(user, taskId);

        assertEquals(200, webhook(taskId, "running", 3, 50).status());
        assertEquals("generating/50", state(user, generationId));
        webhook(taskId, "pending", 2, 0);
        assertEquals("generating/50", state(user, generationId), "an older event changes nothing");
        webhook(taskId, "running", 3, 70);
        assertEquals("generating/50", state(user, generationId), "a repeated event changes nothing");
        webhook(taskId, "failed", 4, 70);
        assertEquals("error/70", state(user, generationId), "a newer one applies");
        assertEquals("failed", generation(user, generationId).get("status").asText());
    }

    @Test
    void anEventOfAnUnknownTaskChangesNothing() {
        Tenants.User user = Tenants.user(hubs, false);
        String generationId = generationWithTask(user, UUID.randomUUID().toString());
        String predictionId = generation(user, generationId).at("/predictions/0/id").asText();
        // another task naming this prediction as its entity: the prediction already has its task, so this is not it
        String body = "{\"event_type\":\"task_status_update\",\"task_id\":\"" + UUID.randomUUID() + "\",\"task_type\":\"GENERATION\","
                + "\"status\":\"failed\",\"sequence\":9,\"entity_id\":\"" + predictionId + "\"}";
        assertEquals(200, signed(body).status());
        assertEquals("pending/0", state(user, generationId));
    }

    @Test
    void aCompletionTheBackendMissedIsCaughtUpByReconciliation() {
        Tenants.User user = Tenants.user(hubs, false);
        String id = Http.postJson(hubs.backendUrl() + "/api/v1/generations/", user.token(),
                "{\"prompt\":\"a trench coat\",\"width\":256,\"height\":256}").json().get("id").asText();
        JsonNode done = Http.await(hubs.backendUrl() + "/api/v1/generations/" + id, user.token(), WAIT,
                g -> g.get("status").asText().equals("completed"));
        String url = done.at("/predictions/0/result_image_url").asText();
        // as if the backend was down when the task completed: its last events never arrived
        db.update("update prediction set status = 'generating', progress = 10, task_sequence = 2, result_image_url = null,"
                + " event_at = now() - interval '1 hour' where generation_id = cast(? as uuid)", id);
        db.update("update generation set status = 'processing', progress = 10, completed_at = null where id = cast(? as uuid)", id);
        assertEquals("processing", generation(user, id).get("status").asText());

        JsonNode caughtUp = Http.await(hubs.backendUrl() + "/api/v1/generations/" + id, user.token(), WAIT,
                g -> g.get("status").asText().equals("completed"));
        assertEquals("completed", caughtUp.at("/predictions/0/status").asText());
        assertEquals(url, caughtUp.at("/predictions/0/result_image_url").asText(), "the result read from compute");
        assertEquals(100, caughtUp.get("progress").asInt());
    }

    @Test
    void aPredictionWhoseTaskComputeDoesNotKnowFailsAtReconciliation() {
        Tenants.User user = Tenants.user(hubs, false);
        String taskId = UUID.randomUUID().toString();
        String id = generationWithTask(user, taskId);
        // quiet for an hour: the next reconciliation run asks compute, which answers 404 for this task
        db.update("update prediction set event_at = now() - interval '1 hour' where generation_id = cast(? as uuid)", id);

        JsonNode failed = Http.await(hubs.backendUrl() + "/api/v1/generations/" + id, user.token(), WAIT,
                g -> g.get("status").asText().equals("failed"));
        assertEquals("error", failed.at("/predictions/0/status").asText());
        assertEquals("compute does not know task " + taskId + " (HTTP 404): the prediction cannot finish",
                failed.at("/predictions/0/error_message").asText());
    }

    @Test
    void aPredictionThatNeverReachedComputeIsSubmittedOnceByReconciliation() {
        Tenants.User user = Tenants.user(hubs, false);
        String id = UUID.randomUUID().toString();
        // as if the backend stopped between writing the rows and submitting them
        db.update("insert into generation (id, owner_id, prompt, width, height, batch_size, seed, created_at, updated_at)"
                + " values (cast(? as uuid), cast(? as uuid), 'a beanie', 256, 256, 1, 5, now() - interval '1 minute', now() - interval '1 minute')",
                id, user.id());
        db.update("insert into prediction (id, generation_id, seed, created_at) values (gen_random_uuid(), cast(? as uuid), 5,"
                + " now() - interval '1 minute')", id);
        int before = hubs.stack().simulator().submissionCount();

        JsonNode done = Http.await(hubs.backendUrl() + "/api/v1/generations/" + id, user.token(), WAIT,
                g -> g.get("status").asText().equals("completed"));
        assertNotNull(done.at("/predictions/0/task_id").textValue());
        assertEquals(1, hubs.stack().simulator().submissionCount() - before, "submitted exactly once");
    }

    @Test
    void cancellingStopsTheComputeTasksAndEndsTheGeneration() {
        Tenants.User user = Tenants.user(hubs, false);
        hubs.stack().simulator().setLatencyMillis(20_000);
        try {
            Http.Response created = Http.postJson(hubs.backendUrl() + "/api/v1/generations/", user.token(),
                    "{\"prompt\":\"a raincoat\",\"width\":256,\"height\":256,\"batch_size\":2}");
            String id = created.json().get("id").asText();
            Http.Response cancelled = Http.postJson(hubs.backendUrl() + "/api/v1/generations/" + id + "/cancel", user.token(), "");
            assertEquals(200, cancelled.status(), cancelled.body());
            JsonNode generation = cancelled.json();
            assertEquals("failed", generation.get("status").asText());
            assertNotNull(generation.get("cancelled_at").textValue());
            for (JsonNode prediction : generation.get("predictions")) {
                assertEquals("error", prediction.get("status").asText());
                assertEquals("Cancelled", prediction.get("error_message").asText());
                JsonNode task = Http.get(hubs.computeUrl() + "/api/v1/tasks/" + prediction.get("task_id").asText(),
                        hubs.stack().secrets().computeApiKey()).json();
                assertEquals("cancelled", task.get("status").asText(), "the compute task is cancelled too");
            }
            Http.Response again = Http.postJson(hubs.backendUrl() + "/api/v1/generations/" + id + "/cancel", user.token(), "");
            assertEquals(409, again.status());
            assertEquals("Generation already failed", again.json().get("detail").asText());
        } finally {
            hubs.stack().simulator().setLatencyMillis(300);
        }
    }

    @Test
    void aSelectedPredictionIsMarkedOnce() {
        Tenants.User user = Tenants.user(hubs, false);
        String id = Http.postJson(hubs.backendUrl() + "/api/v1/generations/", user.token(),
                "{\"prompt\":\"a cardigan\",\"width\":256,\"height\":256,\"batch_size\":2}").json().get("id").asText();
        JsonNode done = Http.await(hubs.backendUrl() + "/api/v1/generations/" + id, user.token(), WAIT,
                g -> g.get("status").asText().equals("completed"));
        String predictionId = done.at("/predictions/1/id").asText();
        Http.Response selected = Http.postJson(hubs.backendUrl() + "/api/v1/predictions/" + predictionId + "/select", user.token(), "");
        assertEquals(200, selected.status(), selected.body());
        assertTrue(selected.json().get("selected").asBoolean());
        assertEquals(200, Http.postJson(hubs.backendUrl() + "/api/v1/predictions/" + predictionId + "/select", user.token(), "").status());

        JsonNode list = Http.get(hubs.backendUrl() + "/api/v1/predictions/?generation_id=" + id + "&selected=true", user.token()).json();
        assertEquals(1, list.get("count").asInt());
        assertEquals(predictionId, list.at("/data/0/id").asText());
        assertEquals(2, Http.get(hubs.backendUrl() + "/api/v1/predictions/?generation_id=" + id, user.token()).json().get("count").asInt());
        assertEquals(1, Http.get(hubs.backendUrl() + "/api/v1/generations/?status=completed&limit=1", user.token()).json().get("data").size());
    }

    @Test
    void aRefineRunsOnAPredictionsImage() {
        Tenants.User user = Tenants.user(hubs, false);
        String id = Http.postJson(hubs.backendUrl() + "/api/v1/generations/", user.token(),
                "{\"prompt\":\"a linen shirt\",\"width\":256,\"height\":256}").json().get("id").asText();
        JsonNode done = Http.await(hubs.backendUrl() + "/api/v1/generations/" + id, user.token(), WAIT,
                g -> g.get("status").asText().equals("completed"));
        String predictionId = done.at("/predictions/0/id").asText();
        Http.Response created = Http.postJson(hubs.backendUrl() + "/api/v1/refines/", user.token(),
                "{\"prediction_id\":\"" + predictionId + "\",\"scale_factor\":2}");
        assertEquals(201, created.status(), created.body());
        JsonNode refine = created.json();
        assertEquals(predictionId, refine.get("source_prediction_id").asText());
        // the refine's own generation (strategy REFINE) carries one prediction whose compute task refines the source image
        JsonNode generation = Http.get(hubs.backendUrl() + "/api/v1/generations/" + refine.get("generation_id").asText(), user.token()).json();
        assertEquals("REFINE", generation.get("generation_strategy").asText());
        JsonNode task = Http.get(hubs.computeUrl() + "/api/v1/tasks/" + generation.at("/predictions/0/task_id").asText(),
                hubs.stack().secrets().computeApiKey()).json();
        assertEquals("REFINE", task.get("task_type").asText());
        assertEquals(done.at("/predictions/0/result_image_url").asText(), task.at("/params/image_url").asText());
        assertEquals(2.0, task.at("/params/upscale_factor").asDouble());
        // its state follows the task's events like any prediction's, to the refined image
        JsonNode refined = Http.await(hubs.backendUrl() + "/api/v1/generations/" + refine.get("generation_id").asText(), user.token(), WAIT,
                g -> g.get("status").asText().equals("completed") || g.get("status").asText().equals("failed"));
        assertEquals("completed", refined.get("status").asText(), refined.toString());
        assertTrue(refined.at("/predictions/0/result_image_url").asText().startsWith("http"), refined.toString());
        assertEquals(1, Http.get(hubs.backendUrl() + "/api/v1/refines/?prediction_id=" + predictionId, user.token()).json().get("count").asInt());
    }

    @Test
    void aTrainingIsSubmittedToComputeAndCancelled() {
        Tenants.User user = Tenants.user(hubs, false);
        // compute builds the dataset from images in our storage (uploads), so they are uploaded first
        String first = MediaTest.upload(hubs, user.token(), "a.png", "image/png", Shootings.png(java.awt.Color.RED));
        String second = MediaTest.upload(hubs, user.token(), "b.png", "image/png", Shootings.png(java.awt.Color.BLUE));
        hubs.stack().simulator().setLatencyMillis(20_000);
        try {
            Http.Response created = Http.postJson(hubs.backendUrl() + "/api/v1/training/", user.token(),
                    "{\"trigger_word\":\"SQDRESS\",\"source_images\":[\"" + first + "\",\"" + second + "\"]}");
            assertEquals(201, created.status(), created.body());
            JsonNode training = created.json();
            assertEquals("LORA", training.get("training_type").asText());
            assertEquals(16, training.at("/params/rank").asInt());
            String taskId = training.get("task_id").asText();
            JsonNode task = Http.get(hubs.computeUrl() + "/api/v1/training/" + taskId, hubs.stack().secrets().computeApiKey()).json();
            assertEquals("TRAINING", task.get("task_type").asText());

            Http.Response cancelled = Http.postJson(hubs.backendUrl() + "/api/v1/training/" + training.get("id").asText() + "/cancel",
                    user.token(), "");
            assertEquals(200, cancelled.status(), cancelled.body());
            assertEquals("cancelled", cancelled.json().get("status").asText());
            Http.await(hubs.computeUrl() + "/api/v1/training/" + taskId, hubs.stack().secrets().computeApiKey(), WAIT,
                    t -> t.get("status").asText().equals("cancelled"));
            assertEquals(1, Http.get(hubs.backendUrl() + "/api/v1/training/", user.token()).json().get("count").asInt());
        } finally {
            hubs.stack().simulator().setLatencyMillis(300);
        }
    }

    @Test
    void aPromptIsBuiltFromTheCatalog() {
        Tenants.User user = Tenants.user(hubs, false);
        Http.Response subject = Http.postJson(hubs.backendUrl() + "/api/v1/subjects/", user.token(),
                "{\"name\":\"Anna " + UUID.randomUUID().toString().substring(0, 8) + "\",\"description\":\"a tall woman with short red hair\"}");
        assertEquals(201, subject.status(), subject.body());
        String slug = subject.json().get("slug").asText();
        Http.Response prompt = Http.postJson(hubs.backendUrl() + "/api/v1/prompts/create-for-generation", user.token(),
                "{\"subject_slug\":\"" + slug + "\",\"lighting\":\"soft\"}");
        assertEquals(200, prompt.status(), prompt.body());
        assertEquals("a fashion photograph of a tall woman with short red hair, soft lighting", prompt.json().get("prompt").asText());
        Http.Response editing = Http.postJson(hubs.backendUrl() + "/api/v1/prompts/create-editing-prompt", user.token(),
                "{\"instruction\":\"make the sleeves shorter\"}");
        assertEquals(200, editing.status(), editing.body());
        assertTrue(editing.json().get("prompt").asText().startsWith("make the sleeves shorter"));
    }

    private static String generationWithTask(Tenants.User user, String taskId) {
        String id = UUID.randomUUID().toString();
        db.update("insert into generation (id, owner_id, prompt, width, height, batch_size, seed, status) values (cast(? as uuid),"
                + " cast(? as uuid), 'p', 256, 256, 1, 1, 'processing')", id, user.id());
        db.update("insert into prediction (id, generation_id, seed, compute_task_id, event_at) values (gen_random_uuid(), cast(? as uuid), 1,"
                + " cast(? as uuid), now())", id, taskId);
        return id;
    }

    private static Http.Response webhook(String taskId, String status, int sequence, int progress) {
        return signed("{\"event_type\":\"task_status_update\",\"task_id\":\"" + taskId + "\",\"task_type\":\"GENERATION\",\"status\":\""
                + status + "\",\"sequence\":" + sequence + ",\"progress\":" + progress + "}");
    }

    private static Http.Response signed(String body) {
        long now = System.currentTimeMillis() / 1000;
        return Http.postJson(hubs.backendUrl() + "/api/v1/tasks/webhook", null, body, Map.of(
                WebhookSignature.TIMESTAMP_HEADER, String.valueOf(now),
                WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(hubs.stack().secrets().webhookSecret(), now, body)));
    }

    private static JsonNode generation(Tenants.User user, String id) {
        return Http.get(hubs.backendUrl() + "/api/v1/generations/" + id, user.token()).json();
    }

    private static String state(Tenants.User user, String id) {
        JsonNode prediction = generation(user, id).at("/predictions/0");
        assertNull(prediction.get("result_image_url").textValue());
        return prediction.get("status").asText() + "/" + prediction.get("progress").asInt();
    }
}
