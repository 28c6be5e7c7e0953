package com.sartiq.hub.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.sartiq.hub.localstack.LocalStack;
import com.sartiq.hub.sim.Fault;
import com.sartiq.hub.sim.ProviderSimulator;
import com.sartiq.hub.testsupport.HubStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The inference worker: quick fal models run synchronously (fal.run) from the inference queue, never run twice when in doubt. */
class InferenceWorkerTest {

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
    void aFaceEnhancerRunsSynchronouslyOnTheInferenceQueueAndItsImageIsStored() throws Exception {
        int runs = sim.submissionCount("fal-ai/codeformer");
        String id = create("FACE_ENHANCER", "{\"image_url\":\"https://cdn.example/face.png\"}");
        JsonNode details = Http.get(hubs.computeUrl() + "/api/v1/monitoring/tasks/" + id, key).json();
        assertEquals("inference", details.at("/task/queue").asText(), details.toString());

        JsonNode done = complete(id);
        assertEquals("completed", done.get("status").asText(), done.toString());
        String url = done.at("/output/images/0/url").asText();
        assertTrue(url.startsWith(hubs.stack().s3().publicBaseUrl(HubStack.BUCKET) + "/tasks/" + id + "/"), url);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Http.bytes(url)));
        assertNotNull(image, "a PNG in our storage");
        assertEquals(runs + 1, sim.submissionCount("fal-ai/codeformer"));
        assertEquals(1, runsOf(id));

        JsonNode calls = Http.get(hubs.computeUrl() + "/api/v1/monitoring/tasks/" + id, key).json().get("provider_attempts");
        assertEquals(1, calls.size(), calls.toString());
        assertEquals("run", calls.at("/0/operation").asText());
        assertEquals("fal-sync", calls.at("/0/provider").asText());
        assertEquals("fal-ai/codeformer", calls.at("/0/model").asText());
        assertEquals(200, calls.at("/0/http_status").asInt());
        assertTrue(calls.at("/0/duration_ms").asLong() >= 250, "the simulator's 300 ms run: " + calls);
    }

    @Test
    void anImageAdjusterSendsFalsScaleOfAdjustments() {
        JsonNode done = complete(create("IMAGE_ADJUSTER",
                "{\"image_url\":\"https://cdn.example/look.png\",\"brightness\":0.2,\"saturation\":-0.5}"));
        assertEquals("completed", done.get("status").asText(), done.toString());
        assertEquals(1, done.at("/output/images").size(), done.toString());
    }

    @Test
    void aRunWhoseAnswerIsLostFailsAndIsNeverRunAgain() {
        sim.faults().next("fal-run", Fault.timeout(6000), 1);
        String id = create("FACE_ENHANCER", "{\"image_url\":\"https://cdn.example/slow.png\"}");
        JsonNode done = complete(id);
        assertEquals("failed", done.get("status").asText(), done.toString());
        assertEquals("timeout", done.get("error_category").asText(), done.toString());
        assertTrue(done.get("error_message").asText().contains("not run again"), done.toString());
        assertEquals(1, done.get("attempt").asInt(), "attempts were left, none used");
        assertEquals(1, runsOf(id), "fal ran it once");
        JsonNode calls = Http.get(hubs.computeUrl() + "/api/v1/monitoring/tasks/" + id, key).json().get("provider_attempts");
        assertEquals("ambiguous", calls.at("/0/outcome").asText(), calls.toString());
    }

    @Test
    void aRefusedRunIsTriedAgainAsANewAttempt() {
        sim.faults().next("fal-run", Fault.status(503, null), 1);
        String id = create("FACE_ENHANCER", "{\"image_url\":\"https://cdn.example/busy.png\"}");
        JsonNode done = complete(id);
        assertEquals("completed", done.get("status").asText(), done.toString());
        assertEquals(2, done.get("attempt").asInt());
        assertEquals(1, runsOf(id), "the refused run never ran");
        JsonNode calls = Http.get(hubs.computeUrl() + "/api/v1/monitoring/tasks/" + id, key).json().get("provider_attempts");
        assertEquals(503, calls.at("/0/http_status").asInt(), calls.toString());
        assertEquals("unavailable", calls.at("/0/outcome").asText());
        assertEquals("succeeded", calls.at("/1/outcome").asText());
    }

    @Test
    void theSynchronousProviderShowsItsOwnLimit() {
        JsonNode providers = Http.get(hubs.computeUrl() + "/api/v1/monitoring/providers", key).json();
        JsonNode sync = null;
        for (JsonNode p : providers.get("data")) {
            if (p.get("name").asText().equals("fal-sync")) {
                sync = p;
            }
        }
        assertNotNull(sync, providers.toString());
        assertEquals("fal-sync", sync.get("protocol").asText());
        assertEquals(10, sync.get("limit").asInt());
    }

    private static String create(String type, String fields) {
        Http.Response r = Http.postJson(hubs.computeUrl() + "/api/v1/tasks/", key, "{\"task_type\":\"" + type + "\"," + fields.substring(1));
        assertEquals(201, r.status(), r.body());
        return r.json().get("id").asText();
    }

    private static JsonNode complete(String id) {
        return Http.await(hubs.computeUrl() + "/api/v1/tasks/" + id, key, Duration.ofSeconds(60),
                t -> !t.get("status").asText().equals("pending") && !t.get("status").asText().equals("running"));
    }

    private static int runsOf(String taskId) {
        return sim.submissionsByKey().getOrDefault("task-" + taskId, 0);
    }
}
