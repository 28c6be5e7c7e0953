package com.sartiq.hub.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.sartiq.hub.localstack.LocalStack;
import com.sartiq.hub.sim.Fault;
import com.sartiq.hub.sim.ProviderSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** fal completion by webhook: signatures, idempotency, lost webhooks, lost or refused submits. */
class FalWebhookTest {

    private static LocalStack hubs;
    private static ProviderSimulator sim;
    private static String key;

    @BeforeAll
    static void start() {
        hubs = Hubs.get();
        sim = hubs.stack().simulator();
        key = hubs.stack().secrets().computeApiKey();
    }

    @AfterEach
    void clearFaults() {
        sim.faults().clear();
    }

    @Test
    void forgedStaleAndReplayedWebhooksAreRefusedAndChangeNothing() {
        JsonNode done = complete(create("a forged coat"));
        String id = done.get("id").asText();
        String url = hubs.computeUrl() + "/api/v1/webhooks/fal?task_id=" + id;
        String body = "{\"request_id\":\"r-forged\",\"gateway_request_id\":\"r-forged\",\"status\":\"OK\",\"payload\":{\"images\":[{\"url\":\"http://evil/x.png\"}]}}";
        String now = String.valueOf(System.currentTimeMillis() / 1000);

        Http.Response unsigned = Http.postJson(url, null, body);
        assertEquals(401, unsigned.status(), unsigned.body());
        Http.Response forged = Http.postJson(url, null, body, headers("r-forged", now, "ab".repeat(64)));
        assertEquals(401, forged.status(), forged.body());

        String old = String.valueOf(System.currentTimeMillis() / 1000 - 600);
        Http.Response stale = Http.postJson(url, null, body, headers("r-forged", old, sign("r-forged", old, body)));
        assertEquals(401, stale.status(), stale.body());

        Map<String, String> genuine = headers("r-forged", now, sign("r-forged", now, body));
        Http.Response first = Http.postJson(url, null, body, genuine);
        assertEquals(200, first.status(), first.body());
        assertEquals("ignored", first.json().get("status").asText(), "a request id the task never had changes nothing");
        Http.Response replayed = Http.postJson(url, null, body, genuine);
        assertEquals(401, replayed.status(), replayed.body());

        JsonNode after = task(id);
        assertEquals("completed", after.get("status").asText());
        assertEquals(done.get("output"), after.get("output"));
    }

    @Test
    void droppedWebhooksAreCompletedByPolling() {
        sim.faults().next("fal-webhook", Fault.drop(), 2);
        int delivered = sim.webhooksDelivered();
        String a = create("dropped one");
        String b = create("dropped two");
        assertEquals("completed", complete(a).get("status").asText());
        assertEquals("completed", complete(b).get("status").asText());
        assertEquals(delivered, sim.webhooksDelivered(), "both completed without a webhook");
        assertEquals(1, submissions(a));
        assertEquals(1, submissions(b));

        // the job history shows each fal call the hub made: one submit, status checks, one result fetch
        List<JsonNode> calls = attempts(a);
        assertEquals("submit", calls.get(0).get("operation").asText(), calls.toString());
        assertEquals("result", calls.get(calls.size() - 1).get("operation").asText(), calls.toString());
        assertTrue(calls.stream().anyMatch(c -> c.get("operation").asText().equals("status")), calls.toString());
        for (JsonNode call : calls) {
            assertEquals("fal", call.get("provider").asText());
            assertEquals("fal-ai/flux-lora", call.get("model").asText(), call.toString());
            assertEquals("succeeded", call.get("outcome").asText(), call.toString());
            assertEquals(200, call.get("http_status").asInt(), call.toString());
            assertEquals(1, call.get("calls").asInt());
            assertTrue(call.get("duration_ms").asLong() >= 0 && call.get("duration_ms").asLong() < 30_000, call.toString());
        }
    }

    @Test
    void aDuplicatedWebhookCompletesTheTaskOnce() throws Exception {
        sim.faults().next("fal-webhook", Fault.duplicate(), 1);
        String id = create("twice told");
        JsonNode done = complete(id);
        Thread.sleep(2500); // the copy follows 1.1 s after the first delivery
        assertEquals(done.get("output"), task(id).get("output"));
        assertEquals(1, submissions(id));
    }

    @Test
    void aSubmitWhoseAnswerIsLostIsReconciledByTheWebhookNotSentAgain() {
        sim.faults().next("fal-submit", Fault.malformed(), 1);
        String id = create("lost answer");
        JsonNode done = complete(id);
        assertEquals("completed", done.get("status").asText(), done.toString());
        assertEquals(1, submissions(id), "fal got it once; the hub never re-sent it");
    }

    @Test
    void aSubmitFalRefusedIsRetriedAsANewAttempt() {
        sim.faults().next("fal-submit", Fault.status(503, null), 1);
        String id = create("refused first");
        JsonNode done = complete(id);
        assertEquals("completed", done.get("status").asText(), done.toString());
        assertEquals(2, done.get("attempt").asInt(), "the 503 cost an attempt");
        assertEquals(1, submissions(id), "the refused submit was never enqueued");

        List<JsonNode> calls = attempts(id);
        JsonNode refused = calls.get(0);
        assertEquals("submit", refused.get("operation").asText(), calls.toString());
        assertEquals("unavailable", refused.get("outcome").asText());
        assertEquals(503, refused.get("http_status").asInt());
        assertEquals(1, refused.get("task_attempt").asInt());
        assertTrue(refused.get("error").asText().contains("503"), refused.toString());
        JsonNode accepted = calls.get(1);
        assertEquals("submit", accepted.get("operation").asText(), calls.toString());
        assertEquals("succeeded", accepted.get("outcome").asText());
        assertEquals(2, accepted.get("task_attempt").asInt());
    }

    @Test
    void anErrorWebhookFailsTheTaskWithFalsError() {
        sim.faults().next("fal-request", Fault.failed(422), 1);
        int delivered = sim.webhooksDelivered();
        String id = create("fal refuses this one");
        JsonNode done = complete(id);
        assertEquals("failed", done.get("status").asText(), done.toString());
        assertEquals("provider_error", done.get("error_category").asText());
        assertEquals("fal request failed: Invalid status code: 422", done.get("error_message").asText());
        assertEquals(1, done.get("attempt").asInt(), "a request fal ran and failed is not submitted again");
        assertEquals(1, submissions(id));
        // the simulator counts a delivery once our answer reaches it, which may be just after the task shows failed
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (sim.webhooksDelivered() <= delivered && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000);
        }
        assertTrue(sim.webhooksDelivered() > delivered, "the ERROR webhook was delivered and answered 2xx");
    }

    @Test
    void aCompletedStatusThatCarriesAnErrorFailsTheTask() {
        sim.faults().next("fal-request", Fault.failed(500), 1);
        sim.faults().next("fal-webhook", Fault.drop(), 1);
        String id = create("completed but broken");
        JsonNode done = complete(id);
        assertEquals("failed", done.get("status").asText(), done.toString());
        assertEquals("provider_error", done.get("error_category").asText());
        assertEquals("fal request failed: Invalid status code: 500", done.get("error_message").asText());
        assertEquals(1, submissions(id));
        List<JsonNode> calls = attempts(id);
        assertTrue(calls.stream().noneMatch(c -> c.get("operation").asText().equals("result")),
                "the result of a failed request is never fetched: " + calls);
    }

    @Test
    void cancellingARunningTaskCancelsItsRequestAtFal() throws Exception {
        sim.setLatencyMillis(30_000);
        try {
            String id = create("cancel me while fal works");
            Http.await(hubs.computeUrl() + "/api/v1/monitoring/tasks/" + id, key, Duration.ofSeconds(30),
                    t -> t.get("provider_attempts").findValuesAsText("operation").contains("submit"));
            Http.Response cancelled = Http.postJson(hubs.computeUrl() + "/api/v1/tasks/" + id + "/cancel", key, "{}");
            assertEquals(200, cancelled.status(), cancelled.body());
            JsonNode history = Http.await(hubs.computeUrl() + "/api/v1/monitoring/tasks/" + id, key, Duration.ofSeconds(30),
                    t -> t.get("provider_attempts").findValuesAsText("operation").contains("cancel"));
            JsonNode cancel = null;
            for (JsonNode call : history.get("provider_attempts")) {
                if (call.get("operation").asText().equals("cancel")) {
                    cancel = call;
                }
            }
            assertEquals(202, cancel.get("http_status").asInt(), "fal accepted the cancellation: " + cancel);
            Thread.sleep(1000);
            assertEquals("cancelled", task(id).get("status").asText(), "nothing fal says afterwards revives the task");
            assertEquals(1, submissions(id));
        } finally {
            sim.setLatencyMillis(300);
        }
    }

    private static String create(String prompt) {
        Http.Response r = Http.postJson(hubs.computeUrl() + "/api/v1/tasks/", key,
                "{\"task_type\":\"GENERATION\",\"prompt\":\"" + prompt + "\",\"width\":256,\"height\":256,\"seed\":5}");
        assertEquals(201, r.status(), r.body());
        return r.json().get("id").asText();
    }

    private static JsonNode complete(String id) {
        return Http.await(hubs.computeUrl() + "/api/v1/tasks/" + id, key, Duration.ofSeconds(90),
                t -> !t.get("status").asText().equals("pending") && !t.get("status").asText().equals("running"));
    }

    /** The task's job history as ops see it ({@code GET /monitoring/tasks/{id}}). */
    static List<JsonNode> attempts(String id) {
        Http.Response r = Http.get(hubs.computeUrl() + "/api/v1/monitoring/tasks/" + id, key);
        assertEquals(200, r.status(), r.body());
        List<JsonNode> calls = new ArrayList<>();
        r.json().get("provider_attempts").forEach(calls::add);
        return calls;
    }

    private static JsonNode task(String id) {
        return Http.get(hubs.computeUrl() + "/api/v1/tasks/" + id, key).json();
    }

    private static int submissions(String taskId) {
        return sim.submissionsByKey().entrySet().stream().filter(e -> e.getKey().endsWith("task_id=" + taskId))
                .mapToInt(Map.Entry::getValue).sum();
    }

    private static String sign(String requestId, String timestamp, String body) {
        return sim.signWebhook(requestId, timestamp, body.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> headers(String requestId, String timestamp, String signature) {
        assertTrue(signature.length() > 0);
        return Map.of("X-Fal-Webhook-Request-Id", requestId, "X-Fal-Webhook-User-Id", sim.webhookUserId(),
                "X-Fal-Webhook-Timestamp", timestamp, "X-Fal-Webhook-Signature", signature);
    }
}
