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

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkflowRequestReaderTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    private static final JsonRequestReader JSON = new JsonRequestReader(MAPPER, Validation.buildDefaultValidatorFactory().getValidator());
    private static final WorkflowRequestReader READER = new WorkflowRequestReader(JSON,
            new TaskRequestReader(JSON, MAPPER, new WorkerProperties(Map.of()), new TaskProperties(null, null, null, null, null)), MAPPER);

    private static final String GENERATE = "{\"id\":\"generate\",\"task_type\":\"GENERATION\",\"config\":{\"prompt\":\"a dress\",\"width\":512,\"height\":512}}";

    @Test
    void readsTwoStepsInTopologicalOrderWithMappedRequiredField() throws Exception {
        // the refine is listed first and its required image_url comes only from the mapping
        Map<String, Object> row = READER.read("{\"name\":\"shot\",\"steps\":[{\"id\":\"refine\",\"task_type\":\"refine\",\"depends_on\":[\"generate\"],"
                + "\"input_mappings\":{\"image_url\":\"generate.images.0.url\"}}," + GENERATE + "]}");
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

    private static List<FieldError> errors(String body) {
        return assertThrows(RequestValidationException.class, () -> READER.read(body)).errors();
    }
}
