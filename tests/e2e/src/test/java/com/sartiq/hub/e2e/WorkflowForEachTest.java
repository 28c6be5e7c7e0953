package com.sartiq.hub.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.sartiq.hub.localstack.LocalStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** for_each: a step fans out into one task per element of a list, and the steps after it read all the items' outputs. */
class WorkflowForEachTest {

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
    void fourShotTypesYieldFourTasksAndTheFanInSeesTheirOutputs() {
        Http.Response created = Http.postJson(workflows, apiKey, "{\"name\":\"shot types\",\"inputs\":{\"prompt\":\"a denim jacket\","
                + "\"shot_types\":[\"front\",\"back\",\"side\",\"detail\"]},\"steps\":["
                + "{\"id\":\"shots\",\"task_type\":\"GENERATION\",\"for_each\":\"$input.shot_types\","
                + "\"config\":{\"prompt\":\"{{ $input.prompt }}, {{ $item }} view (shot {{ $index }})\",\"width\":256,\"height\":256}},"
                + "{\"id\":\"last\",\"task_type\":\"REFINE\",\"depends_on\":[\"shots\"],\"input_mappings\":{\"image_url\":\"shots.items.3.images.0.url\"}},"
                + "{\"id\":\"review\",\"task_type\":\"LLM_INTERACTION\",\"depends_on\":[\"shots\"],\"config\":{\"prompt\":\"Pick one: {{ shots.items }}\"}}]}");
        assertEquals(201, created.status(), created.body());
        String id = created.json().get("id").asText();
        assertEquals(4, created.json().at("/steps/0/items").size(), "the step fanned out as soon as it started");

        JsonNode done = Http.await(workflows + id, apiKey, Duration.ofSeconds(60), w -> !w.get("status").asText().equals("running"));
        assertEquals("completed", done.get("status").asText(), done.toString());
        assertEquals(100, done.get("progress").asInt());
        JsonNode shots = done.at("/steps/0");
        assertEquals("completed", shots.get("status").asText());
        assertEquals(4, shots.at("/output/items").size(), shots.toString());
        Set<String> tasks = new HashSet<>();
        List<String> types = List.of("front", "back", "side", "detail");
        for (int i = 0; i < 4; i++) {
            JsonNode item = shots.get("items").get(i);
            assertEquals("shots[" + i + "]", item.get("id").asText());
            assertEquals(types.get(i), item.get("item").asText());
            assertEquals("completed", item.get("status").asText());
            assertEquals(item.at("/output/images/0/url").asText(), shots.at("/output/items/" + i + "/images/0/url").asText());
            tasks.add(item.get("task_id").asText());
            JsonNode task = Http.get(hubs.computeUrl() + "/api/v1/tasks/" + item.get("task_id").asText(), apiKey).json();
            assertEquals("a denim jacket, " + types.get(i) + " view (shot " + i + ")", task.at("/params/prompt").asText());
            assertEquals("shots[" + i + "]", task.at("/metadata/workflow_node").asText());
        }
        assertEquals(4, tasks.size(), "one task per item");

        JsonNode last = Http.get(hubs.computeUrl() + "/api/v1/tasks/" + done.at("/steps/1/task_id").asText(), apiKey).json();
        assertEquals(shots.at("/items/3/output/images/0/url").asText(), last.at("/params/image_url").asText());
        String review = Http.get(hubs.computeUrl() + "/api/v1/tasks/" + done.at("/steps/2/task_id").asText(), apiKey).json()
                .at("/params/prompt").asText();
        for (int i = 0; i < 4; i++) {
            assertTrue(review.contains(shots.at("/items/" + i + "/output/images/0/url").asText()), "the fan-in reads every item: " + review);
        }
    }

    @Test
    void anEmptyListCompletesTheStepWithNoItems() {
        Http.Response created = Http.postJson(workflows, apiKey, "{\"name\":\"nothing to shoot\",\"inputs\":{\"shot_types\":[]},\"steps\":["
                + "{\"id\":\"shots\",\"task_type\":\"GENERATION\",\"for_each\":\"$input.shot_types\",\"config\":{\"prompt\":\"{{ $item }}\"}},"
                + "{\"id\":\"summary\",\"task_type\":\"LLM_INTERACTION\",\"depends_on\":[\"shots\"],\"config\":{\"prompt\":\"shots: {{ shots.items }}\"}}]}");
        assertEquals(201, created.status(), created.body());
        assertEquals("completed", created.json().at("/steps/0/status").asText());
        assertEquals("{\"items\":[]}", created.json().at("/steps/0/output").toString());
        JsonNode done = Http.await(workflows + created.json().get("id").asText(), apiKey, Duration.ofSeconds(30),
                w -> !w.get("status").asText().equals("running"));
        assertEquals("completed", done.get("status").asText(), done.toString());
    }
}
