package com.sartiq.hub.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.sartiq.hub.common.security.WebhookSignature;
import com.sartiq.hub.localstack.LocalStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole path of a generation: login, backend, compute, fal simulator, S3, webhook and Redis back. */
class FirstGenerationTest {

    private static LocalStack hubs;
    private static String token;

    @BeforeAll
    static void start() {
        hubs = Hubs.get();
        var secrets = hubs.stack().secrets();
        Http.Response login = Http.postForm(hubs.backendUrl() + "/api/v1/login/access-token",
                Map.of("username", secrets.firstSuperuser(), "password", secrets.firstSuperuserPassword()));
        assertEquals(200, login.status(), login.body());
        assertEquals("bearer", login.json().get("token_type").asText());
        assertEquals(3600, login.json().get("expires_in").asInt());
        token = login.json().get("access_token").asText();
    }

    @Test
    void aGenerationCompletesWithItsPredictionsImagesStoredInOurStorage() throws Exception {
        int submittedBefore = hubs.stack().simulator().submissionCount();
        Http.Response created = Http.postJson(hubs.backendUrl() + "/api/v1/generations/", token,
                "{\"prompt\":\"a red linen dress on a model, studio light\",\"width\":512,\"height\":768,\"seed\":7,\"batch_size\":2}");
        assertEquals(201, created.status(), created.body());
        JsonNode generation = created.json();
        assertEquals("processing", generation.get("status").asText());
        assertEquals(2, generation.get("predictions").size());
        String id = generation.get("id").asText();

        JsonNode done = Http.await(hubs.backendUrl() + "/api/v1/generations/" + id, token, Duration.ofSeconds(60),
                g -> !g.get("status").asText().equals("processing"));
        assertEquals("completed", done.get("status").asText(), done.toString());
        assertEquals(100, done.get("progress").asInt());
        assertEquals(2, hubs.stack().simulator().submissionCount() - submittedBefore, "each prediction submitted to fal exactly once");
        for (JsonNode prediction : done.get("predictions")) {
            assertEquals("completed", prediction.get("status").asText());
            String url = prediction.get("result_image_url").asText();
            assertTrue(url.startsWith(hubs.stack().s3().publicBaseUrl("sartiq") + "/tasks/"), url);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(Http.bytes(url)));
            assertNotNull(image, "the stored result is an image");
            assertEquals(512, image.getWidth());
            assertEquals(768, image.getHeight());

            JsonNode task = Http.get(hubs.computeUrl() + "/api/v1/tasks/" + prediction.get("task_id").asText(),
                    hubs.stack().secrets().computeApiKey()).json();
            assertEquals("completed", task.get("status").asText());
            assertEquals("GENERATION", task.get("task_type").asText());
            assertEquals(url, task.at("/output/images/0/url").asText());
            assertEquals(prediction.get("seed").asLong(), task.at("/output/images/0/seed").asLong());
        }
    }

    @Test
    void aLateOrRepeatedEventChangesNothing() {
        Http.Response created = Http.postJson(hubs.backendUrl() + "/api/v1/generations/", token,
                "{\"prompt\":\"a wool coat\",\"width\":256,\"height\":256,\"seed\":3}");
        assertEquals(201, created.status(), created.body());
        String id = created.json().get("id").asText();
        JsonNode done = Http.await(hubs.backendUrl() + "/api/v1/generations/" + id, token, Duration.ofSeconds(60),
                g -> g.get("status").asText().equals("completed"));
        String taskId = done.at("/predictions/0/task_id").asText();

        String stale = "{\"event_type\":\"task_status_update\",\"task_id\":\"" + taskId
                + "\",\"task_type\":\"GENERATION\",\"status\":\"running\",\"sequence\":2,\"progress\":10}";
        long now = System.currentTimeMillis() / 1000;
        Http.Response applied = Http.postJson(hubs.backendUrl() + "/api/v1/tasks/webhook", null, stale, Map.of(
                WebhookSignature.TIMESTAMP_HEADER, String.valueOf(now),
                WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(hubs.stack().secrets().webhookSecret(), now, stale)));
        assertEquals(200, applied.status(), applied.body());
        JsonNode after = Http.get(hubs.backendUrl() + "/api/v1/generations/" + id, token).json();
        assertEquals("completed", after.get("status").asText());
        assertEquals("completed", after.at("/predictions/0/status").asText());
        assertEquals(done.at("/predictions/0/result_image_url"), after.at("/predictions/0/result_image_url"));
    }

    @Test
    void anotherUsersGenerationIsNotFound() {
        Http.Response unknown = Http.get(hubs.backendUrl() + "/api/v1/generations/" + java.util.UUID.randomUUID(), token);
        assertEquals(404, unknown.status());
        assertEquals("Generation not found", unknown.json().get("detail").asText());
        assertEquals(404, Http.get(hubs.backendUrl() + "/api/v1/generations/not-a-uuid", token).status());
    }
}
