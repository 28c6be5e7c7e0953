package com.sartiq.hub.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.sartiq.hub.common.security.WebhookSignature;
import com.sartiq.hub.localstack.LocalStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input gets the documented error and changes nothing. */
class BadInputTest {

    private static LocalStack hubs;
    private static String apiKey;
    private static String token;

    @BeforeAll
    static void start() {
        hubs = Hubs.get();
        apiKey = hubs.stack().secrets().computeApiKey();
        var secrets = hubs.stack().secrets();
        token = Http.postForm(hubs.backendUrl() + "/api/v1/login/access-token",
                Map.of("username", secrets.firstSuperuser(), "password", secrets.firstSuperuserPassword())).json().get("access_token").asText();
    }

    @Test
    void malformedJsonIsA422WithTheFastApiDetailList() {
        Http.Response response = Http.postJson(hubs.computeUrl() + "/api/v1/tasks/", apiKey, "{\"task_type\": \"GENERATION\", ");
        assertEquals(422, response.status());
        JsonNode detail = response.json().get("detail").get(0);
        assertEquals("json_invalid", detail.get("type").asText());
        assertEquals("body", detail.get("loc").get(0).asText());
    }

    @Test
    void aMissingFieldIsNamed() {
        Http.Response response = Http.postJson(hubs.computeUrl() + "/api/v1/tasks/", apiKey, "{\"task_type\":\"GENERATION\",\"width\":99999}");
        assertEquals(422, response.status());
        JsonNode detail = response.json().get("detail");
        assertEquals(2, detail.size(), detail.toString());
        assertEquals("[\"body\",\"prompt\"]", detail.get(0).get("loc").toString());
        assertEquals("missing", detail.get(0).get("type").asText());
        assertEquals("[\"body\",\"width\"]", detail.get(1).get("loc").toString());
    }

    @Test
    void anUnknownTaskTypeIsA422OnTaskType() {
        Http.Response response = Http.postJson(hubs.computeUrl() + "/api/v1/tasks/", apiKey, "{\"task_type\":\"TELEPORT\"}");
        assertEquals(422, response.status());
        assertEquals("[\"body\",\"task_type\"]", response.json().at("/detail/0/loc").toString());
        Http.Response badUrl = Http.postJson(hubs.computeUrl() + "/api/v1/tasks/", apiKey, "{\"task_type\":\"BACKGROUND_REMOVE\",\"image_url\":\"file:///etc/passwd\"}");
        assertEquals(422, badUrl.status());
        assertEquals("[\"body\",\"image_url\"]", badUrl.json().at("/detail/0/loc").toString());
    }

    @Test
    void computeRefusesMissingAndWrongApiKeys() {
        Http.Response none = Http.postJson(hubs.computeUrl() + "/api/v1/tasks/", null, "{}");
        assertEquals(401, none.status());
        assertEquals("Not authenticated", none.json().get("detail").asText());
        Http.Response wrong = Http.get(hubs.computeUrl() + "/api/v1/tasks/" + UUID.randomUUID(), "wrong-key");
        assertEquals(401, wrong.status());
        assertEquals("Invalid API key", wrong.json().get("detail").asText());
        assertEquals(200, Http.get(hubs.computeUrl() + "/health", null).status());
    }

    @Test
    void anUnknownTaskIsNotFound() {
        Http.Response response = Http.get(hubs.computeUrl() + "/api/v1/tasks/" + UUID.randomUUID(), apiKey);
        assertEquals(404, response.status());
        assertEquals("Task not found", response.json().get("detail").asText());
    }

    @Test
    void theSameIdempotencyKeyReturnsTheSameTask() {
        String key = "test-" + UUID.randomUUID();
        String body = "{\"task_type\":\"GENERATION\",\"prompt\":\"a blue shirt\",\"width\":256,\"height\":256}";
        Http.Response first = Http.postJson(hubs.computeUrl() + "/api/v1/tasks/", apiKey, body, Map.of("Idempotency-Key", key));
        Http.Response again = Http.postJson(hubs.computeUrl() + "/api/v1/tasks/", apiKey, body, Map.of("Idempotency-Key", key));
        assertEquals(201, first.status(), first.body());
        assertEquals(200, again.status(), again.body());
        assertEquals(first.json().get("id").asText(), again.json().get("id").asText());
    }

    @Test
    void concurrentSubmissionsWithOneIdempotencyKeyMakeOneTask() throws Exception {
        String key = "race-" + UUID.randomUUID();
        String body = "{\"task_type\":\"GENERATION\",\"prompt\":\"a pleated skirt\",\"width\":256,\"height\":256}";
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        var answers = new java.util.ArrayList<java.util.concurrent.Future<Http.Response>>();
        for (int i = 0; i < 8; i++) {
            answers.add(pool.submit(() -> Http.postJson(hubs.computeUrl() + "/api/v1/tasks/", apiKey, body, Map.of("Idempotency-Key", key))));
        }
        var ids = new java.util.HashSet<String>();
        int created = 0;
        for (var answer : answers) {
            Http.Response response = answer.get();
            assertTrue(response.status() == 201 || response.status() == 200, response.status() + " " + response.body());
            created += response.status() == 201 ? 1 : 0;
            ids.add(response.json().get("id").asText());
        }
        pool.shutdown();
        assertEquals(1, ids.size(), "one task for one key");
        assertEquals(1, created, "exactly one answer says created");
    }

    @Test
    void loginWithAWrongPasswordOrAMissingFieldFails() {
        Http.Response wrong = Http.postForm(hubs.backendUrl() + "/api/v1/login/access-token",
                Map.of("username", hubs.stack().secrets().firstSuperuser(), "password", "not-the-password"));
        assertEquals(401, wrong.status());
        assertEquals("Incorrect email or password", wrong.json().get("detail").asText());
        Http.Response missing = Http.postForm(hubs.backendUrl() + "/api/v1/login/access-token", Map.of("username", "x@example.com"));
        assertEquals(422, missing.status());
        assertEquals("[\"body\",\"password\"]", missing.json().at("/detail/0/loc").toString());
    }

    @Test
    void generationRequestsAreValidatedAndNeedAToken() {
        assertEquals(401, Http.postJson(hubs.backendUrl() + "/api/v1/generations/", null, "{\"prompt\":\"x\"}").status());
        Http.Response invalid = Http.postJson(hubs.backendUrl() + "/api/v1/generations/", token, "{\"prompt\":\"\",\"batch_size\":0}");
        assertEquals(422, invalid.status());
        assertEquals(2, invalid.json().get("detail").size(), invalid.body());
    }

    @Test
    void aWebhookWithoutAValidSignatureIsRefusedAndChangesNothing() {
        String body = "{\"event_type\":\"task_status_update\",\"task_id\":\"" + UUID.randomUUID() + "\",\"status\":\"completed\",\"sequence\":99}";
        Http.Response unsigned = Http.postJson(hubs.backendUrl() + "/api/v1/tasks/webhook", null, body);
        assertEquals(401, unsigned.status());
        long now = System.currentTimeMillis() / 1000;
        Http.Response forged = Http.postJson(hubs.backendUrl() + "/api/v1/tasks/webhook", null, body,
                Map.of(WebhookSignature.TIMESTAMP_HEADER, String.valueOf(now), WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign("guess", now, body)));
        assertEquals(401, forged.status());
        Http.Response signedUnknown = Http.postJson(hubs.backendUrl() + "/api/v1/tasks/webhook", null,
                body.replace("\"completed\"", "\"running\""), Map.of(WebhookSignature.TIMESTAMP_HEADER, String.valueOf(now),
                        WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(hubs.stack().secrets().webhookSecret(), now, body.replace("\"completed\"", "\"running\""))));
        assertEquals(200, signedUnknown.status(), "an event for a task we never submitted is accepted and ignored");
    }

    @Test
    void responsesDoNotEchoRequestHeaders() {
        Http.Response response = Http.postJson(hubs.computeUrl() + "/api/v1/tasks/", apiKey, "{\"task_type\":\"TELEPORT\"}",
                Map.of("X-Secret-Probe", "leak-me"));
        assertFalse(response.headers().firstValue("X-Secret-Probe").isPresent());
        assertFalse(response.headers().firstValue("Authorization").isPresent());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    }
}
