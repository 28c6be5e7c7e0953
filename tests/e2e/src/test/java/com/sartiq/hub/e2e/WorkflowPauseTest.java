package com.sartiq.hub.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.sartiq.hub.localstack.LocalStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pausing a workflow: the task already running finishes and is recorded, nothing new is queued until it resumes. */
class WorkflowPauseTest {

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
    void aPausedWorkflowRecordsItsRunningTaskQueuesNothingAndGoesOnWhenResumed() throws Exception {
        hubs.stack().simulator().setLatencyMillis(1500);
        String id;
        try {
            Http.Response created = Http.postJson(workflows, apiKey, "{\"name\":\"pause me\",\"steps\":["
                    + "{\"id\":\"generate\",\"task_type\":\"GENERATION\",\"config\":{\"prompt\":\"a wool hat\",\"width\":256,\"height\":256}},"
                    + "{\"id\":\"refine\",\"task_type\":\"REFINE\",\"depends_on\":[\"generate\"],\"input_mappings\":{\"image_url\":\"generate.images.0.url\"}}]}");
            assertEquals(201, created.status(), created.body());
            id = created.json().get("id").asText();
            Http.Response paused = Http.postJson(workflows + id + "/pause", apiKey, "");
            assertEquals(200, paused.status(), paused.body());
            assertEquals("paused", paused.json().get("status").asText());
            assertTrue(paused.json().get("paused_at").isTextual());
        } finally {
            hubs.stack().simulator().setLatencyMillis(300);
        }

        JsonNode recorded = Http.await(workflows + id, apiKey, Duration.ofSeconds(30), w -> w.at("/steps/0/status").asText().equals("completed"));
        assertEquals("paused", recorded.get("status").asText(), "the running task's result is recorded while paused");
        assertEquals(50, recorded.get("progress").asInt());
        Thread.sleep(1000);
        JsonNode still = Http.get(workflows + id, apiKey).json();
        assertEquals("waiting", still.at("/steps/1/status").asText(), "nothing is queued while paused");
        assertTrue(still.at("/steps/1/task_id").isNull(), still.toString());
        assertEquals(409, Http.postJson(workflows + id + "/pause", apiKey, "").status(), "only a running workflow pauses");

        Http.Response resumed = Http.postJson(workflows + id + "/resume", apiKey, "");
        assertEquals(200, resumed.status(), resumed.body());
        assertEquals("running", resumed.json().get("status").asText());
        assertEquals("queued", resumed.json().at("/steps/1/status").asText(), "the ready step is queued at once");
        JsonNode done = Http.await(workflows + id, apiKey, Duration.ofSeconds(30), w -> !w.get("status").asText().equals("running"));
        assertEquals("completed", done.get("status").asText(), done.toString());
        assertEquals(1, done.at("/steps/0/runs").asInt(), "resuming a paused workflow re-runs nothing");
    }
}
