package com.sartiq.hub.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.sartiq.hub.localstack.LocalStack;
import com.sartiq.hub.testsupport.HubStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Cleaning up a finished workflow deletes its intermediate files from storage, keeps its results, and says so, once. */
class WorkflowCleanupTest {

    private static LocalStack hubs;
    private static String apiKey;
    private static String workflows;

    @BeforeAll
    static void start() {
        hubs = Hubs.get();
        apiKey = hubs.stack().secrets().computeApiKey();
        workflows = hubs.computeUrl() + "/api/v1/workflows/";
    }

    @Test
    void intermediateImagesAreDeletedResultsKeptAndForeignUrlsLeftAlone() {
        // the simulator's JSON answer echoes the prompt: "link" outputs a URL outside our storage
        Http.Response created = Http.postJson(workflows, apiKey, "{\"name\":\"clean me\",\"steps\":["
                + "{\"id\":\"generate\",\"task_type\":\"GENERATION\",\"config\":{\"prompt\":\"a leather belt\",\"width\":256,\"height\":256}},"
                + "{\"id\":\"refine\",\"task_type\":\"REFINE\",\"depends_on\":[\"generate\"],\"input_mappings\":{\"image_url\":\"generate.images.0.url\"}},"
                + "{\"id\":\"link\",\"task_type\":\"LLM_INTERACTION\",\"config\":{\"prompt\":\"https://elsewhere.example/look.png\",\"response_format\":\"json\"}},"
                + "{\"id\":\"note\",\"task_type\":\"LLM_INTERACTION\",\"depends_on\":[\"link\"],\"config\":{\"prompt\":\"about {{ link.json.answer }}\"}}]}");
        assertEquals(201, created.status(), created.body());
        String id = created.json().get("id").asText();
        assertEquals(409, Http.postJson(workflows + id + "/cleanup", apiKey, "").status(), "a running workflow is not cleaned up");

        JsonNode done = Http.await(workflows + id, apiKey, Duration.ofSeconds(60), w -> !w.get("status").asText().equals("running"));
        assertEquals("completed", done.get("status").asText(), done.toString());
        String intermediate = Workflows.step(done, "generate").at("/output/images/0/url").asText();
        String result = Workflows.step(done, "refine").at("/output/images/0/url").asText();
        assertEquals(200, Http.get(intermediate, null).status());

        Http.Response cleaned = Http.postJson(workflows + id + "/cleanup", apiKey, "");
        assertEquals(200, cleaned.status(), cleaned.body());
        JsonNode cleanup = cleaned.json().get("cleanup");
        String base = hubs.stack().s3().publicBaseUrl(HubStack.BUCKET) + "/";
        assertEquals(1, cleanup.get("deleted_count").asInt(), cleanup.toString());
        assertEquals(intermediate.substring(base.length()), cleanup.at("/deleted/0").asText());
        assertEquals("[\"https://elsewhere.example/look.png\"]", cleanup.get("skipped").toString());
        assertNotEquals(200, Http.get(intermediate, null).status(), "the intermediate image is gone");
        assertEquals(200, Http.get(result, null).status(), "the result stays");

        Http.Response again = Http.postJson(workflows + id + "/cleanup", apiKey, "");
        assertEquals(200, again.status(), again.body());
        assertEquals(cleanup, again.json().get("cleanup"), "a second cleanup deletes nothing more");
    }
}
