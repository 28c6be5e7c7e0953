package com.sartiq.hub.compute.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.sartiq.hub.common.rest.FieldError;
import com.sartiq.hub.common.rest.JsonRequestReader;
import com.sartiq.hub.common.rest.RequestValidationException;
import com.sartiq.hub.compute.tasks.TaskProperties;
import com.sartiq.hub.compute.tasks.TaskRequestReader;
import com.sartiq.hub.compute.workers.WorkerProperties;
import jakarta.validation.Validation;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkflowRequestReaderTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    private static final JsonRequestReader JSON = new JsonRequestReader(MAPPER, Validation.buildDefaultValidatorFactory().getValidator());
    static final WorkflowSteps STEPS = new WorkflowSteps(
            new TaskRequestReader(JSON, MAPPER, new WorkerProperties(Map.of()), new TaskProperties(null, null, null, null, null)), MAPPER);
    private static final WorkflowRequestReader READER = new WorkflowRequestReader(JSON, STEPS, templates(), MAPPER);

    private static final String GENERATE = "{\"id\":\"generate\",\"task_type\":\"GENERATION\",\"config\":{\"prompt\":\"a dress\",\"width\":512,\"height\":512}}";

    @Test
    void readsTwoStepsInTopologicalOrderWithMappedRequiredField() throws Exception {
        // the refine is listed first and its required image_url comes only from the mapping
        Map<String, Object> row = READER.read("{\"name\":\"shot\",\"steps\":[{\"id\":\"refine\",\"task_type\":\"refine\",\"depends_on\":[\"generate\"],"
                + "\"input_mappings\":{\"image_url\":\"generate.images.0.url\"}}," + GENERATE + "]}", null);
        JsonNode nodes = MAPPER.readTree((String) row.get("nodes"));
        assertEquals("generate", nodes.get(0).get("node_id").asText());
        assertEquals("refine", nodes.get(1).get("node_id").asText());
        assertEquals("REFINE", nodes.get(1).get("task_type").asText());
        assertEquals(1, nodes.get(1).get("position").asInt());
        assertEquals("fail_fast", row.get("failurePolicy"));
        assertEquals(true, row.get("start"));
    }

    @Test
    void cycleNamesEachStepOnIt() {
        List<FieldError> errors = errors("{\"name\":\"loop\",\"steps\":[" + GENERATE.replace("}}", "},\"depends_on\":[\"b\"]}")
                + ",{\"id\":\"b\",\"task_type\":\"REFINE\",\"depends_on\":[\"generate\"],\"input_mappings\":{\"image_url\":\"generate.images.0.url\"}}]}");
        assertEquals(List.of(List.of("body", "steps", 0, "depends_on"), List.of("body", "steps", 1, "depends_on")),
                errors.stream().map(FieldError::loc).toList());
        assertTrue(errors.get(0).msg().contains("cycle"), errors.toString());
    }

    @Test
    void danglingReferencesAndUnknownTypeNameTheStepAndField() {
        List<FieldError> errors = errors("{\"name\":\"bad\",\"steps\":[" + GENERATE
                + ",{\"id\":\"r\",\"task_type\":\"REFINE\",\"depends_on\":[\"ghost\"],\"input_mappings\":{\"image_url\":\"other.images.0.url\"}}"
                + ",{\"id\":\"x\",\"task_type\":\"TELEPORT\"}"
                + ",{\"id\":\"generate\",\"task_type\":\"GENERATION\",\"config\":{\"prompt\":\"again\"}}]}");
        List<List<Object>> locs = errors.stream().map(FieldError::loc).toList();
        assertTrue(locs.contains(List.of("body", "steps", 1, "depends_on", 0)), locs.toString());
        assertTrue(locs.contains(List.of("body", "steps", 1, "input_mappings", "image_url")), locs.toString());
        assertTrue(locs.contains(List.of("body", "steps", 2, "task_type")), locs.toString());
        assertTrue(locs.contains(List.of("body", "steps", 3, "id")), locs.toString());
    }

    @Test
    void paramsAreCheckedAsTheTasksApiChecksThem() {
        List<FieldError> errors = errors("{\"name\":\"p\",\"steps\":[{\"id\":\"g\",\"task_type\":\"GENERATION\",\"config\":{\"prompt\":\"x\",\"width\":99999}},"
                + "{\"id\":\"r\",\"task_type\":\"REFINE\",\"config\":{}}],\"failure_policy\":\"sometimes\"}");
        List<List<Object>> locs = errors.stream().map(FieldError::loc).toList();
        assertTrue(locs.contains(List.of("body", "steps", 0, "config", "width")), locs.toString());
        assertTrue(locs.contains(List.of("body", "steps", 1, "config", "image_url")), locs.toString());
        assertTrue(locs.contains(List.of("body", "failure_policy")), locs.toString());
    }

    @Test
    void workflowInputsMustBeGivenForTheirMappings() {
        List<FieldError> errors = errors("{\"name\":\"i\",\"inputs\":{\"other\":1},\"steps\":[{\"id\":\"r\",\"task_type\":\"REFINE\","
                + "\"input_mappings\":{\"image_url\":\"$input.image\"}}]}");
        assertEquals(List.of(List.of("body", "steps", 0, "input_mappings", "image_url")), errors.stream().map(FieldError::loc).toList());
    }

    @Test
    void conditionsTemplatesAndMappingsMayReadAnyStepUpstreamButNoOther() {
        String a = "{\"id\":\"a\",\"task_type\":\"LLM_INTERACTION\",\"config\":{\"prompt\":\"rate it\",\"response_format\":\"json\"}}";
        String b = "{\"id\":\"b\",\"task_type\":\"GENERATION\",\"depends_on\":[\"a\"],\"when\":\"a.json.score < 7\","
                + "\"config\":{\"prompt\":\"{{ $input.prompt }}. Fix: {{ a.json.reasons }}\"}}";
        // c reads a through b, and d reads c without depending on it
        String c = "{\"id\":\"c\",\"task_type\":\"GENERATION\",\"depends_on\":[\"b\"],\"when\":\"a.json.score >= $input.min\","
                + "\"config\":{\"prompt\":\"{{ a.json.reasons }}\"}}";
        String d = "{\"id\":\"d\",\"task_type\":\"GENERATION\",\"depends_on\":[\"a\"],\"when\":\"c.json.score > 1\","
                + "\"config\":{\"prompt\":\"x {{ c.images.0.url }}\",\"seed\":\"{{ $item }}\"}}";
        List<FieldError> errors = errors("{\"name\":\"w\",\"inputs\":{\"prompt\":\"a dress\",\"min\":5},\"steps\":[" + a + "," + b + "," + c + "," + d + "]}");
        List<List<Object>> locs = errors.stream().map(FieldError::loc).toList();
        assertEquals(List.of(List.of("body", "steps", 3, "config", "prompt"), List.of("body", "steps", 3, "config", "seed"),
                List.of("body", "steps", 3, "when")), locs, errors.toString());
        assertTrue(errors.get(0).msg().contains("Step 'd'") && errors.get(0).msg().contains("'c'"), errors.toString());
        assertTrue(errors.get(1).msg().contains("$item"), errors.toString());
    }

    @Test
    void forEachReadsAListAndOnlyItsStepMayReadTheItem() throws Exception {
        String shots = "{\"id\":\"shots\",\"task_type\":\"GENERATION\",\"for_each\":\"$input.shots\","
                + "\"config\":{\"prompt\":\"{{ $item.angle }} view\",\"seed\":\"{{ $index }}\"}}";
        String pick = "{\"id\":\"pick\",\"task_type\":\"REFINE\",\"depends_on\":[\"shots\"],\"input_mappings\":{\"image_url\":\"shots.items.0.images.0.url\"}}";
        Map<String, Object> row = READER.read("{\"name\":\"fan\",\"inputs\":{\"shots\":[{\"angle\":\"front\"}]},\"steps\":[" + shots + "," + pick + "]}", null);
        assertEquals("$input.shots", MAPPER.readTree((String) row.get("nodes")).get(0).get("for_each").asText());

        List<FieldError> errors = errors("{\"name\":\"fan\",\"inputs\":{\"shots\":\"front\"},\"steps\":[" + shots + ","
                + pick.replace("\"input_mappings\"", "\"when\":\"$index > 1\",\"config\":{\"upscale_factor\":\"{{ $item }}\"},\"input_mappings\"") + "]}");
        assertEquals(List.of(List.of("body", "steps", 0, "for_each"), List.of("body", "steps", 1, "config", "upscale_factor"),
                List.of("body", "steps", 1, "when")), errors.stream().map(FieldError::loc).toList());
        assertTrue(errors.get(0).msg().contains("is not a list"), errors.toString());
    }

    @Test
    void badConditionsAndUnknownStepFieldsAreNamed() {
        List<FieldError> errors = errors("{\"name\":\"w\",\"steps\":[" + GENERATE.replace("}}", "},\"when\":\"score is high\"}")
                + ",{\"id\":\"r\",\"task_type\":\"REFINE\",\"depends_on\":[\"generate\"],\"dependsOn\":[],"
                + "\"when\":\"generate.seed == maybe\",\"config\":{\"image_url\":\"{{ generate.images.0.url }}\"}}]}");
        List<List<Object>> locs = errors.stream().map(FieldError::loc).toList();
        assertEquals(List.of(List.of("body", "steps", 0, "when"), List.of("body", "steps", 1, "dependsOn"), List.of("body", "steps", 1, "when")),
                locs, errors.toString());
        assertTrue(errors.get(0).msg().startsWith("Step 'generate': "), errors.toString());
    }

    @Test
    void paramsFilledFromGivenInputsAreCheckedWithTheirValues() {
        List<FieldError> errors = errors("{\"name\":\"w\",\"inputs\":{\"w\":99999},\"steps\":[{\"id\":\"g\",\"task_type\":\"GENERATION\","
                + "\"config\":{\"prompt\":\"x\",\"width\":\"{{ $input.w }}\"}}]}");
        assertEquals(List.of(List.of("body", "steps", 0, "config", "width")), errors.stream().map(FieldError::loc).toList());
    }

    @Test
    void aTemplateIsInstantiatedWithItsDefaultsUnderTheGivenInputs() throws Exception {
        Map<String, Object> row = READER.read("{\"template\":\"shot\",\"inputs\":{\"prompt\":\"a coat\"},\"metadata\":{\"look\":\"L1\"},"
                + "\"webhook_url\":\"https://backend/hook\"}", "key-1");
        assertEquals("shot", row.get("template"));
        assertEquals("Product shot", row.get("name"));
        assertEquals("continue", row.get("failurePolicy"));
        assertEquals("key-1", row.get("idempotencyKey"));
        assertEquals("https://backend/hook", row.get("webhookUrl"));
        assertEquals(MAPPER.readTree("{\"prompt\":\"a coat\",\"size\":512}"), MAPPER.readTree((String) row.get("inputs")));
        assertEquals(MAPPER.readTree("{\"strategy\":\"base\",\"look\":\"L1\"}"), MAPPER.readTree((String) row.get("metadata")));
        JsonNode nodes = MAPPER.readTree((String) row.get("nodes"));
        assertEquals(List.of("generate", "refine"), List.of(nodes.get(0).get("node_id").asText(), nodes.get(1).get("node_id").asText()));
    }

    @Test
    void unknownTemplatesMissingInputsAndBadEnvelopeFieldsAreNamed() {
        assertEquals(List.of(List.of("body", "template")), errors("{\"template\":\"nope\"}").stream().map(FieldError::loc).toList());
        assertEquals(List.of(List.of("body", "inputs", "prompt")), errors("{\"template\":\"shot\",\"inputs\":{}}").stream().map(FieldError::loc).toList());
        List<FieldError> errors = assertThrows(RequestValidationException.class, () -> READER.read("{\"template\":\"shot\",\"inputs\":{\"prompt\":\"p\"},"
                + "\"webhook_url\":\"ftp://x\",\"metadata\":[1]}", "k".repeat(300))).errors();
        assertEquals(List.of(List.of("header", "Idempotency-Key"), List.of("body", "webhook_url"), List.of("body", "metadata")),
                errors.stream().map(FieldError::loc).toList());
    }

    private static WorkflowTemplates templates() {
        try {
            Path dir = Files.createTempDirectory("workflow-templates");
            Files.writeString(dir.resolve("shot.yaml"), """
                    name: Product shot
                    failure_policy: continue
                    inputs: [prompt]
                    defaults: {size: 512}
                    metadata: {strategy: base}
                    steps:
                      - id: generate
                        task_type: GENERATION
                        config: {prompt: "{{ $input.prompt }}", width: "{{ $input.size }}", height: "{{ $input.size }}"}
                      - id: refine
                        task_type: REFINE
                        depends_on: [generate]
                        input_mappings: {image_url: generate.images.0.url}
                    """);
            return WorkflowTemplates.load(dir.toString(), STEPS, MAPPER);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<FieldError> errors(String body) {
        return assertThrows(RequestValidationException.class, () -> READER.read(body, null)).errors();
    }
}
