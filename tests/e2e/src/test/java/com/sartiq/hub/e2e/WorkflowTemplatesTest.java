package com.sartiq.hub.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.sartiq.hub.localstack.LocalStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Named workflow templates (config/workflows/*.yaml, packaged into compute-hub): listed with their inputs,
 * instantiated with inputs over the defaults, and refused for an unknown name or a missing input.
 */
class WorkflowTemplatesTest {

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
    void theExampleTemplateIsListedAndRunsWithTheGivenInputs() {
        JsonNode templates = Http.get(workflows + "templates", apiKey).json();
        JsonNode example = null;
        for (JsonNode template : templates) {
            if (template.get("name").asText().equals("example-generate-refine")) {
                example = template;
            }
        }
        assertTrue(example != null, templates.toString());
        assertEquals("[\"prompt\"]", example.get("inputs").toString());
        assertEquals(1024, example.at("/defaults/size").asInt());

        Http.Response created = Http.postJson(workflows, apiKey, "{\"template\":\"example-generate-refine\","
                + "\"inputs\":{\"prompt\":\"a wool scarf\",\"size\":256},\"metadata\":{\"shot\":\"S1\"},\"origin_instance\":\"e2e-templates\"}");
        assertEquals(201, created.status(), created.body());
        String id = created.json().get("id").asText();
        assertEquals("example-generate-refine", created.json().get("template").asText());
        assertEquals("Generate and refine", created.json().get("name").asText());
        assertEquals("S1", created.json().at("/metadata/shot").asText());

        JsonNode done = Http.await(workflows + id, apiKey, Duration.ofSeconds(60), w -> !w.get("status").asText().equals("running"));
        assertEquals("completed", done.get("status").asText(), done.toString());
        assertEquals(100, done.get("progress").asInt());
        JsonNode generate = Http.get(hubs.computeUrl() + "/api/v1/tasks/" + done.at("/steps/0/task_id").asText(), apiKey).json();
        assertEquals("a wool scarf", generate.at("/params/prompt").asText());
        assertEquals(256, generate.at("/params/width").asInt(), "the given input wins over the template's default");
        JsonNode refine = Http.get(hubs.computeUrl() + "/api/v1/tasks/" + done.at("/steps/1/task_id").asText(), apiKey).json();
        assertEquals(done.at("/steps/0/output/images/0/url").asText(), refine.at("/params/image_url").asText());
        assertEquals(2, refine.at("/params/upscale_factor").asInt(), "the default fills what is not given");

        JsonNode listed = Http.get(workflows + "?template=example-generate-refine&origin_instance=e2e-templates", apiKey).json();
        assertTrue(listed.get("total").asInt() >= 1, listed.toString());
        assertEquals(id, listed.at("/items/0/id").asText());
        assertEquals(100, listed.at("/items/0/progress").asInt());
        assertEquals("completed", listed.at("/items/0/status").asText());
    }

    @Test
    void anUnknownTemplateOrAMissingInputIsNamed() {
        Http.Response unknown = Http.postJson(workflows, apiKey, "{\"template\":\"no-such-template\",\"inputs\":{}}");
        assertEquals(422, unknown.status(), unknown.body());
        assertEquals("[\"body\",\"template\"]", unknown.json().at("/detail/0/loc").toString());

        Http.Response missing = Http.postJson(workflows, apiKey, "{\"template\":\"example-generate-refine\",\"inputs\":{\"size\":256}}");
        assertEquals(422, missing.status(), missing.body());
        assertEquals("[\"body\",\"inputs\",\"prompt\"]", missing.json().at("/detail/0/loc").toString());

        Http.Response badInput = Http.postJson(workflows, apiKey, "{\"template\":\"example-generate-refine\",\"inputs\":{\"prompt\":\"p\",\"size\":99999}}");
        assertEquals(422, badInput.status(), badInput.body());
        assertTrue(badInput.body().contains("[\"body\",\"steps\",0,\"config\",\"width\"]"), "the input is checked where it lands: " + badInput.body());

        assertEquals(422, Http.get(workflows + "?status=sleeping", apiKey).status());
    }
}
