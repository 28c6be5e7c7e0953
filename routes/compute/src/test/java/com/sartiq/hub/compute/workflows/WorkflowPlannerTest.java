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
        WorkflowPlanner.Node regenerate = WorkflowPlanner.Node.step("regenerate", "GENERATION", "waiting", null,
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

    @Test
    void aForEachStepFansOutOneTaskPerItemWithItsOwnKeyAndItem() throws Exception {
        WorkflowPlanner.Node shots = new WorkflowPlanner.Node("shots", "GENERATION", "waiting", null,
                (ObjectNode) MAPPER.readTree("{\"prompt\":\"{{ $input.prompt }}, {{ $item.angle }} view\",\"seed\":\"{{ $index }}\"}"),
                List.of(), MAPPER.readTree("{\"negative_prompt\":\"$item.avoid\"}"), null, "$input.shots", null, null, null, null, null, 0);
        WorkflowPlanner.Plan plan = WorkflowPlanner.plan("w9", true, MAPPER.readTree("{\"prompt\":\"a coat\",\"shots\":["
                + "{\"angle\":\"front\",\"avoid\":\"blur\"},{\"angle\":\"back\",\"avoid\":\"noise\"}]}"), List.of(shots), rows);
        assertEquals(1, plan.expand().size());
        assertEquals(List.of("shots[0]", "shots[1]"), plan.expand().get(0).items().stream().map(WorkflowPlanner.Item::nodeId).toList());
        assertEquals(List.of("shots[0]", "shots[1]"), plan.enqueue().stream().map(WorkflowPlanner.Enqueue::nodeId).toList());
        Map<String, Object> second = plan.enqueue().get(1).taskRow();
        assertEquals("workflow-w9-shots-1", second.get("idempotencyKey"));
        ObjectNode config = (ObjectNode) second.get("config");
        assertEquals("a coat, back view", config.get("prompt").asText());
        assertEquals(1, config.get("seed").asInt());
        assertEquals("noise", config.get("negative_prompt").asText());
        assertEquals("shots[1]", config.at("/metadata/workflow_node").asText());
        assertTrue(plan.end().isEmpty());
        assertNull(plan.finalStatus());
    }

    @Test
    void aForEachStepCompletesWithItsItemsOutputsAndItsDependantsReadThem() throws Exception {
        WorkflowPlanner.Node pick = WorkflowPlanner.Node.step("pick", "REFINE", "waiting", null, MAPPER.createObjectNode(), List.of("shots"),
                MAPPER.readTree("{\"image_url\":\"shots.items.1.images.0.url\"}"), null, null, null, 0);
        WorkflowPlanner.Plan plan = WorkflowPlanner.plan("w10", true, MAPPER.createObjectNode(), List.of(forEach("shots", "queued", 1),
                item("shots", 0, "completed", "{\"images\":[{\"url\":\"https://cdn/0.png\"}]}"),
                item("shots", 1, "completed", "{\"images\":[{\"url\":\"https://cdn/1.png\"}]}"), pick), rows);
        WorkflowPlanner.End shots = plan.end().get(0);
        assertEquals("shots", shots.nodeId());
        assertEquals("completed", shots.status());
        assertEquals("{\"items\":[{\"images\":[{\"url\":\"https://cdn/0.png\"}]},{\"images\":[{\"url\":\"https://cdn/1.png\"}]}]}",
                shots.output().toString());
        assertEquals("https://cdn/1.png", ((ObjectNode) plan.enqueue().get(0).taskRow().get("config")).get("image_url").asText());
    }

    @Test
    void anEmptyListCompletesTheStepAtOnce() throws Exception {
        WorkflowPlanner.Plan plan = WorkflowPlanner.plan("w11", true, MAPPER.readTree("{\"shots\":[]}"), List.of(forEach("shots", "waiting", 0)), rows);
        assertEquals(List.of(), plan.expand().get(0).items());
        assertEquals("{\"items\":[]}", plan.end().get(0).output().toString());
        assertEquals("completed", plan.finalStatus());
    }

    @Test
    void aFailedItemFailsItsStepOnceTheOthersHaveEndedUnderContinue() throws Exception {
        List<WorkflowPlanner.Node> running = List.of(forEach("shots", "queued", 1), item("shots", 0, "failed", null), item("shots", 1, "queued", null));
        WorkflowPlanner.Plan waiting = WorkflowPlanner.plan("w12", false, MAPPER.createObjectNode(), running, rows);
        assertTrue(waiting.end().isEmpty() && waiting.cancel().isEmpty(), "continue: the other item keeps running");
        WorkflowPlanner.Plan ended = WorkflowPlanner.plan("w12", false, MAPPER.createObjectNode(),
                List.of(forEach("shots", "queued", 1), item("shots", 0, "failed", null), item("shots", 1, "completed", "{}")), rows);
        assertEquals(new WorkflowPlanner.End("shots", "failed", null, "item 0 of 2 failed"), ended.end().get(0));
        assertEquals("failed", ended.finalStatus());

        WorkflowPlanner.Plan failFast = WorkflowPlanner.plan("w12", true, MAPPER.createObjectNode(), running, rows);
        assertEquals(List.of("shots[1]"), failFast.cancel().stream().map(WorkflowPlanner.Cancel::nodeId).toList(), "fail_fast cancels the rest");
        assertEquals("failed", failFast.end().get(0).status());
        assertEquals("failed", failFast.finalStatus());
    }

    @Test
    void aResumedForEachStepRunsOnlyItsWaitingItemsWithFreshKeys() throws Exception {
        WorkflowPlanner.Plan plan = WorkflowPlanner.plan("w13", true, MAPPER.readTree("{\"shots\":[\"a\",\"b\"]}"), List.of(forEach("shots", "waiting", 1),
                item("shots", 0, "completed", "{}"), new WorkflowPlanner.Node("shots[1]", "REFINE", "waiting", null, MAPPER.createObjectNode(),
                        List.of(), MAPPER.createObjectNode(), null, null, "shots", 1, MAPPER.readTree("\"b\""), null, null, 1)), rows);
        assertEquals(List.of(), plan.expand().get(0).items(), "the items exist already");
        assertEquals(List.of("workflow-w13-shots-1-run2"), plan.enqueue().stream().map(e -> e.taskRow().get("idempotencyKey")).toList());
    }

    @Test
    void progressCountsEachStepOnceAndAForEachStepByItsItems() {
        assertEquals(0, WorkflowProgress.of(List.of()));
        assertEquals(75, WorkflowProgress.of(List.of(new WorkflowProgress.State("a", null, "completed"),
                new WorkflowProgress.State("b", null, "queued"), new WorkflowProgress.State("b[0]", "b", "completed"),
                new WorkflowProgress.State("b[1]", "b", "failed"), new WorkflowProgress.State("b[2]", "b", "queued"),
                new WorkflowProgress.State("b[3]", "b", "queued"))), "(1 + 2/4) / 2 steps");
        assertEquals(100, WorkflowProgress.of(List.of(new WorkflowProgress.State("a", null, "skipped"))));
    }

    private static WorkflowPlanner.Node forEach(String id, String status, int runs) {
        return new WorkflowPlanner.Node(id, "REFINE", status, null, MAPPER.createObjectNode(), List.of(), MAPPER.createObjectNode(), null,
                "$input.shots", null, null, null, null, null, runs);
    }

    private static WorkflowPlanner.Node item(String step, int index, String status, String output) throws Exception {
        return new WorkflowPlanner.Node(step + "[" + index + "]", "REFINE", status, null, MAPPER.createObjectNode(), List.of(),
                MAPPER.createObjectNode(), null, null, step, index, MAPPER.readTree("{}"), output == null ? null : MAPPER.readTree(output),
                "queued".equals(status) ? "t-" + index : null, 1);
    }

    private static WorkflowPlanner.Node conditional(String id, List<String> dependsOn, String when) {
        return WorkflowPlanner.Node.step(id, "REFINE", "waiting", null, MAPPER.createObjectNode(), dependsOn, MAPPER.createObjectNode(), when,
                null, null, 0);
    }

    private static WorkflowPlanner.Node node(String id, String status, List<String> dependsOn, String mappings, String output, int runs)
            throws Exception {
        return WorkflowPlanner.Node.step(id, "REFINE", status, null, MAPPER.createObjectNode(), dependsOn, MAPPER.readTree(mappings), null,
                output == null ? null : MAPPER.readTree(output), "queued".equals(status) ? "t-" + id : null, runs);
    }
}
