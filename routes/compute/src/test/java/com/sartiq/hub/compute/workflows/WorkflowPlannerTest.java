package com.sartiq.hub.compute.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkflowPlannerTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final WorkflowPlanner.TaskRowFactory rows = (type, config, key) -> {
        Map<String, Object> row = new HashMap<>();
        row.put("taskType", type);
        row.put("config", config);
        row.put("idempotencyKey", key);
        return row;
    };

    @Test
    void mappingsResolveStepOutputsListIndexesAndWorkflowInputs() throws Exception {
        JsonNode inputs = MAPPER.readTree("{\"style\":{\"strength\":0.4}}");
        Map<String, JsonNode> outputs = Map.of("generate", MAPPER.readTree("{\"images\":[{\"url\":\"https://cdn/a.png\"},{\"url\":\"https://cdn/b.png\"}]}"));
        Ref.Scope scope = Ref.Scope.of(inputs, outputs);
        ObjectNode config = InputMappings.apply(MAPPER.createObjectNode().put("prompt", "p"),
                MAPPER.readTree("{\"image_url\":\"generate.images.1.url\",\"strength\":\"$input.style.strength\"}"), scope);
        assertEquals("{\"prompt\":\"p\",\"image_url\":\"https://cdn/b.png\",\"strength\":0.4}", config.toString());
        assertTrue(Ref.parse("generate.images.5.url").orElseThrow().resolve(scope).isEmpty());
        assertTrue(Ref.parse("ghost.images").orElseThrow().resolve(scope).isEmpty());
    }

    @Test
    void readyStepIsQueuedWithItsUpstreamOutputAndKey() throws Exception {
        WorkflowPlanner.Plan plan = WorkflowPlanner.plan("w1", true, MAPPER.createObjectNode(), List.of(
                node("generate", "completed", List.of(), "{}", "{\"images\":[{\"url\":\"https://cdn/g.png\"}]}", 1),
                node("refine", "waiting", List.of("generate"), "{\"image_url\":\"generate.images.0.url\"}", null, 0)), rows);
        assertEquals(1, plan.enqueue().size());
        Map<String, Object> row = plan.enqueue().get(0).taskRow();
        assertEquals("workflow-w1-refine", row.get("idempotencyKey"));
        ObjectNode config = (ObjectNode) row.get("config");
        assertEquals("https://cdn/g.png", config.get("image_url").asText());
        assertEquals("refine", config.get("metadata").get("workflow_node").asText());
        assertNull(plan.finalStatus());
    }

    @Test
    void failFastSkipsWaitingAndCancelsQueued() throws Exception {
        WorkflowPlanner.Plan plan = WorkflowPlanner.plan("w2", true, MAPPER.createObjectNode(), List.of(
                node("a", "failed", List.of(), "{}", null, 1),
                node("b", "queued", List.of(), "{}", null, 1),
                node("c", "waiting", List.of(), "{}", null, 0),
                node("d", "waiting", List.of("a"), "{}", null, 0)), rows);
        assertTrue(plan.enqueue().isEmpty());
        assertEquals(List.of("b"), plan.cancel().stream().map(WorkflowPlanner.Cancel::nodeId).toList());
        assertEquals(List.of("c", "d"), plan.end().stream().map(WorkflowPlanner.End::nodeId).sorted().toList());
        assertEquals("failed", plan.finalStatus());
    }

    @Test
    void continuePolicyRunsIndependentStepsAndSkipsDependants() throws Exception {
        WorkflowPlanner.Plan plan = WorkflowPlanner.plan("w3", false, MAPPER.createObjectNode(), List.of(
                node("a", "failed", List.of(), "{}", null, 1),
                node("b", "waiting", List.of(), "{}", null, 0),
                node("c", "waiting", List.of("a"), "{}", null, 0),
                node("d", "waiting", List.of("c"), "{}", null, 0)), rows);
        assertEquals(List.of("b"), plan.enqueue().stream().map(WorkflowPlanner.Enqueue::nodeId).toList());
        assertEquals(List.of("c", "d"), plan.end().stream().map(WorkflowPlanner.End::nodeId).toList());
        assertNull(plan.finalStatus(), "b still runs");
    }

    @Test
    void resumedStepGetsAFreshKeyAndAllCompletedEndsTheWorkflow() throws Exception {
        WorkflowPlanner.Plan resumed = WorkflowPlanner.plan("w4", true, MAPPER.createObjectNode(),
                List.of(node("a", "waiting", List.of(), "{}", null, 1)), rows);
        assertEquals("workflow-w4-a-run2", resumed.enqueue().get(0).taskRow().get("idempotencyKey"));
        WorkflowPlanner.Plan done = WorkflowPlanner.plan("w4", true, MAPPER.createObjectNode(),
                List.of(node("a", "completed", List.of(), "{}", "{}", 2)), rows);
        assertEquals("completed", done.finalStatus());
    }

    @Test
    void mappingThatResolvesToNothingFailsTheStep() throws Exception {
        WorkflowPlanner.Plan plan = WorkflowPlanner.plan("w5", true, MAPPER.createObjectNode(), List.of(
                node("generate", "completed", List.of(), "{}", "{\"images\":[]}", 1),
                node("refine", "waiting", List.of("generate"), "{\"image_url\":\"generate.images.0.url\"}", null, 0)), rows);
        assertEquals("failed", plan.end().get(0).status());
        assertTrue(plan.end().get(0).errorMessage().contains("image_url"));
        assertEquals("failed", plan.finalStatus());
    }

    @Test
    void aFalseConditionSkipsTheStepAndItsDependantsWithoutFailingTheWorkflow() throws Exception {
        List<WorkflowPlanner.Node> nodes = List.of(
                node("evaluate", "completed", List.of(), "{}", "{\"json\":{\"score\":8}}", 1),
                conditional("regenerate", List.of("evaluate"), "evaluate.json.score < $input.min"),
                node("refine", "waiting", List.of("regenerate"), "{}", null, 0));
        WorkflowPlanner.Plan plan = WorkflowPlanner.plan("w6", true, MAPPER.readTree("{\"min\":7}"), nodes, rows);
        assertTrue(plan.enqueue().isEmpty());
        assertEquals(List.of(new WorkflowPlanner.End("regenerate", "skipped", "condition", "condition not met: evaluate.json.score < $input.min"),
                new WorkflowPlanner.End("refine", "skipped", "condition", "condition not met: step 'regenerate' was skipped")), plan.end());
        assertEquals("completed", plan.finalStatus(), "a step skipped by its condition is not a failure");
    }

    @Test
    void aTrueConditionRunsTheStepWithItsTemplatesRendered() throws Exception {
        WorkflowPlanner.Node regenerate = new WorkflowPlanner.Node("regenerate", "GENERATION", "waiting", null,
                (ObjectNode) MAPPER.readTree("{\"prompt\":\"{{ $input.prompt }}. Fix this: {{ evaluate.json.reasons }}\",\"seed\":\"{{ evaluate.json.score }}\"}"),
                List.of("evaluate"), MAPPER.createObjectNode(), "evaluate.json.score < 7", null, null, 0);
        WorkflowPlanner.Plan plan = WorkflowPlanner.plan("w7", true, MAPPER.readTree("{\"prompt\":\"a dress\"}"), List.of(
                node("evaluate", "completed", List.of(), "{}", "{\"json\":{\"score\":4,\"reasons\":\"too dark\"}}", 1), regenerate), rows);
        assertEquals(1, plan.enqueue().size(), plan.end().toString());
        ObjectNode config = (ObjectNode) plan.enqueue().get(0).taskRow().get("config");
        assertEquals("a dress. Fix this: too dark", config.get("prompt").asText());
        assertEquals(4, config.get("seed").asInt());
    }

    @Test
    void aConditionThatCannotBeEvaluatedFailsTheStepAndAFailureSkipsDependantsAsDependency() throws Exception {
        WorkflowPlanner.Plan plan = WorkflowPlanner.plan("w8", false, MAPPER.createObjectNode(), List.of(
                node("evaluate", "completed", List.of(), "{}", "{\"text\":\"no json\"}", 1),
                conditional("regenerate", List.of("evaluate"), "evaluate.json.score < 7"),
                node("refine", "waiting", List.of("regenerate"), "{}", null, 0)), rows);
        assertEquals("failed", plan.end().get(0).status());
        assertTrue(plan.end().get(0).errorMessage().contains("evaluate.json.score"), plan.end().toString());
        assertEquals(new WorkflowPlanner.End("refine", "skipped", "dependency", "a step it depends on did not complete"), plan.end().get(1));
        assertEquals("failed", plan.finalStatus());
    }

    private static WorkflowPlanner.Node conditional(String id, List<String> dependsOn, String when) {
        return new WorkflowPlanner.Node(id, "REFINE", "waiting", null, MAPPER.createObjectNode(), dependsOn, MAPPER.createObjectNode(), when,
                null, null, 0);
    }

    private static WorkflowPlanner.Node node(String id, String status, List<String> dependsOn, String mappings, String output, int runs)
            throws Exception {
        return new WorkflowPlanner.Node(id, "REFINE", status, null, MAPPER.createObjectNode(), dependsOn, MAPPER.readTree(mappings), null,
                output == null ? null : MAPPER.readTree(output), "queued".equals(status) ? "t-" + id : null, runs);
    }
}
