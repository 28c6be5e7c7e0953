package com.sartiq.hub.backend.generations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sartiq.hub.common.rest.FieldError;
import com.sartiq.hub.common.rest.RequestValidationException;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Workflow events and how a finished workflow's node outputs become its predictions' results. */
class WorkflowResultsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String WORKFLOW = "0f0e2a40-4c1d-4d8e-9d7e-1a2b3c4d5e6f";
    private static final String P1 = "11111111-1111-1111-1111-111111111111";
    private static final String P2 = "22222222-2222-2222-2222-222222222222";

    @Test
    void aRunningWorkflowsProgressIsItsPredictions() {
        WorkflowEvent event = event("running", 40, 3, "LAST_IMAGE", null);
        assertThat(event.terminal()).isFalse();
        assertThat(event.predictionIds()).containsExactly(P1);
        Map<String, Object> update = WorkflowResults.updates(event, List.of(prediction(P1, null)), MAPPER).get(0);
        assertThat(update).containsEntry("prediction_id", P1).containsEntry("status", "generating").containsEntry("progress", 40)
                .doesNotContainKeys("image_url", "error_message");
        assertThat(WorkflowResults.updates(event("created", 0, 1, "LAST_IMAGE", null), List.of(prediction(P1, null)), MAPPER).get(0))
                .containsEntry("status", "pending");
    }

    @Test
    void theLastImageMadeIsTheResultEvenWhenAConditionSkippedTheLastStep() {
        ObjectNode workflow = workflow(0.7);
        node(workflow, "cutout", "BACKGROUND_REMOVE", "completed", "https://cdn/cut.png", null);
        node(workflow, "generate", "GENERATION", "completed", "https://cdn/gen.png", null).put("task_id", "t-gen");
        node(workflow, "refine", "REFINE", "skipped", null, null);
        Map<String, Object> update = finished("LAST_IMAGE", workflow, prediction(P1, null));
        assertThat(update).containsEntry("status", "completed").containsEntry("progress", 100).containsEntry("image_url", "https://cdn/gen.png")
                .containsEntry("width", 512).containsEntry("task_id", "t-gen");

        ObjectNode video = node(workflow, "video", "VIDEO_GENERATION", "completed", "https://cdn/clip.mp4", null);
        ((ObjectNode) video.at("/output/images/0")).put("content_type", "video/mp4");
        assertThat(finished("LAST_IMAGE", workflow, prediction(P1, null))).containsEntry("video_url", "https://cdn/clip.mp4")
                .doesNotContainKey("image_url");
    }

    @Test
    void anAgenticRunRecordsEveryAttemptAndTakesTheFirstThatPasses() {
        ObjectNode workflow = agentic(0.3, 0.5, 0.9);
        Map<String, Object> update = finished("ATTEMPTS", workflow, prediction(P1, null));
        assertThat(update).containsEntry("status", "completed").containsEntry("image_url", "https://cdn/g3.png").containsEntry("task_id", "t3");
        ArrayNode attempts = (ArrayNode) update.get("attempts");
        assertThat(attempts).hasSize(3);
        assertThat(attempts.findValuesAsText("image_url")).containsExactly("https://cdn/g1.png", "https://cdn/g2.png", "https://cdn/g3.png");
        assertThat(attempts.get(0).get("score").asDouble()).isEqualTo(0.3);
        assertThat(attempts.get(0).get("reasons").asText()).isEqualTo("reason 1");
        assertThat(attempts.get(0).get("passed").asBoolean()).isFalse();
        assertThat(attempts.get(2).get("passed").asBoolean()).isTrue();
        assertThat(attempts.get(2).get("attempt").asInt()).isEqualTo(3);
    }

    @Test
    void anAgenticRunThatNeverPassesTakesTheBestAttempt() {
        assertThat(finished("ATTEMPTS", agentic(0.2, 0.6, 0.4), prediction(P1, null))).containsEntry("image_url", "https://cdn/g2.png");
        assertThat(finished("ATTEMPTS", agentic(0.5, 0.5, 0.1), prediction(P1, null))).as("the earliest of equals")
                .containsEntry("image_url", "https://cdn/g1.png");
        // a first attempt that passes leaves the later ones skipped: one attempt recorded
        ObjectNode passedAtOnce = workflow(0.7);
        node(passedAtOnce, "generate_1", "GENERATION", "completed", "https://cdn/g1.png", null);
        node(passedAtOnce, "evaluate_1", "LLM_INTERACTION", "completed", null, "generate_1").putObject("output").putObject("json").put("score", 0.95);
        node(passedAtOnce, "generate_2", "GENERATION", "skipped", null, "evaluate_1");
        node(passedAtOnce, "evaluate_2", "LLM_INTERACTION", "skipped", null, "generate_2");
        Map<String, Object> update = finished("ATTEMPTS", passedAtOnce, prediction(P1, null));
        assertThat(update).containsEntry("image_url", "https://cdn/g1.png");
        assertThat((ArrayNode) update.get("attempts")).hasSize(1);
    }

    @Test
    void eachItemOfAForEachIsItsPredictionsResult() {
        ObjectNode workflow = workflow(0.7);
        ObjectNode fanned = node(workflow, "generate", "GENERATION", "completed", null, null);
        ArrayNode items = fanned.putObject("output").putArray("items");
        for (String url : List.of("https://cdn/front.png", "https://cdn/back.png")) {
            items.addObject().putArray("images").addObject().put("url", url).put("width", 256).put("height", 256);
        }
        WorkflowEvent event = event("completed", 100, 9, "ITEMS", workflow);
        List<Map<String, Object>> updates = WorkflowResults.updates(event, List.of(prediction(P1, 0), prediction(P2, 1)), MAPPER);
        assertThat(updates.get(0)).containsEntry("prediction_id", P1).containsEntry("image_url", "https://cdn/front.png");
        assertThat(updates.get(1)).containsEntry("prediction_id", P2).containsEntry("image_url", "https://cdn/back.png");
        assertThat(WorkflowResults.updates(event, List.of(prediction(P1, 5)), MAPPER).get(0)).as("no such item")
                .containsEntry("status", "error");
    }

    @Test
    void aFailedWorkflowFailsItsPredictionsWithTheFailedNodesError() {
        ObjectNode workflow = workflow(0.7);
        node(workflow, "cutout", "BACKGROUND_REMOVE", "completed", "https://cdn/cut.png", null);
        node(workflow, "generate", "GENERATION", "failed", null, "cutout").put("error_message", "provider refused the prompt");
        assertThat(finished("LAST_IMAGE", workflow, prediction(P1, null), "failed")).containsEntry("status", "error")
                .containsEntry("error_message", "generate: provider refused the prompt");
        assertThat(finished("LAST_IMAGE", workflow, prediction(P1, null), "cancelled")).containsEntry("error_message", "Cancelled");
        ObjectNode nothing = workflow(0.7);
        node(nothing, "cutout", "BACKGROUND_REMOVE", "skipped", null, null);
        assertThat(finished("LAST_IMAGE", nothing, prediction(P1, null))).containsEntry("status", "error");
    }

    @Test
    void eventsAreReadFromTheirJsonAndBadOnesNameTheField() {
        JsonNode json = TaskEvent.read("{\"event_type\":\"workflow_status_update\",\"workflow_id\":\"" + WORKFLOW + "\",\"status\":\"running\","
                + "\"progress\":140,\"sequence\":4,\"metadata\":{\"prediction_ids\":[\"" + P1 + "\",\"not-an-id\"],\"outputs\":\"ITEMS\"}}", MAPPER);
        assertThat(WorkflowEvent.about(json)).isTrue();
        WorkflowEvent event = WorkflowEvent.parse(json);
        assertThat(event.progress()).isEqualTo(100);
        assertThat(event.predictionIdsParam()).isEqualTo("{" + P1 + "}");
        assertThat(event.outputs()).isEqualTo(GenerationPipelines.Outputs.ITEMS);
        assertThat(WorkflowEvent.about(TaskEvent.read("{\"task_id\":\"" + WORKFLOW + "\"}", MAPPER))).isFalse();

        var failure = catchThrowableOfType(() -> WorkflowEvent.parse(TaskEvent.read("{\"event_type\":\"workflow_status_update\","
                + "\"workflow_id\":\"x\",\"status\":\"running\",\"sequence\":1}", MAPPER)), RequestValidationException.class);
        assertThat(failure.errors()).extracting(FieldError::loc).containsExactly(List.of("body", "workflow_id"));
        WorkflowEvent terminal = WorkflowEvent.parse(TaskEvent.read("{\"event_type\":\"workflow_status_update\",\"workflow_id\":\"" + WORKFLOW
                + "\",\"status\":\"completed\",\"sequence\":7}", MAPPER));
        assertThat(terminal.needsWorkflow()).as("a terminal event without the workflow is read from compute").isTrue();
        assertThat(WorkflowEvent.reconciled(workflow(0.7).put("id", WORKFLOW).put("status", "completed")).sequence()).isEqualTo(TaskEvent.FINAL);
    }

    @Test
    void aOneNodePipelinesResultTaskIsKnownAtCreation() {
        ObjectNode one = workflow(0.7);
        node(one, "refine", "REFINE", "queued", null, null).put("task_id", "t1");
        assertThat(WorkflowResults.resultTaskAtCreation(one)).isEqualTo("t1");
        node(one, "detail", "DETAIL_ENHANCER", "waiting", null, "refine");
        assertThat(WorkflowResults.resultTaskAtCreation(one)).isNull();
    }

    private static Map<String, Object> finished(String outputs, JsonNode workflow, Map<String, Object> prediction) {
        return finished(outputs, workflow, prediction, "completed");
    }

    private static Map<String, Object> finished(String outputs, JsonNode workflow, Map<String, Object> prediction, String status) {
        return WorkflowResults.updates(event(status, 100, 9, outputs, workflow), List.of(prediction), MAPPER).get(0);
    }

    private static WorkflowEvent event(String status, int progress, int sequence, String outputs, JsonNode workflow) {
        ObjectNode json = MAPPER.createObjectNode().put("event_type", WorkflowEvent.TYPE).put("workflow_id", WORKFLOW).put("status", status)
                .put("progress", progress).put("sequence", sequence);
        ObjectNode metadata = json.putObject("metadata").put("outputs", outputs);
        metadata.putArray("prediction_ids").add(P1);
        if (workflow != null) {
            json.set("workflow", workflow);
        }
        return WorkflowEvent.parse(json);
    }

    private static ObjectNode agentic(double... scores) {
        ObjectNode workflow = workflow(0.7);
        for (int n = 1; n <= scores.length; n++) {
            node(workflow, "generate_" + n, "GENERATION", "completed", "https://cdn/g" + n + ".png", n == 1 ? null : "evaluate_" + (n - 1))
                    .put("task_id", "t" + n);
            node(workflow, "evaluate_" + n, "LLM_INTERACTION", "completed", null, "generate_" + n).putObject("output").putObject("json")
                    .put("score", scores[n - 1]).put("reasons", "reason " + n);
        }
        return workflow;
    }

    private static ObjectNode workflow(double minScore) {
        ObjectNode workflow = MAPPER.createObjectNode();
        workflow.putObject("inputs").put("min_score", minScore);
        workflow.putArray("steps");
        return workflow;
    }

    private static ObjectNode node(ObjectNode workflow, String id, String type, String status, String imageUrl, String dependsOn) {
        ObjectNode node = workflow.withArray("steps").addObject().put("id", id).put("task_type", type).put("status", status);
        ArrayNode depends = node.putArray("depends_on");
        if (dependsOn != null) {
            depends.add(dependsOn);
        }
        if (imageUrl != null) {
            node.putObject("output").putArray("images").addObject().put("url", imageUrl).put("width", 512).put("height", 768);
        }
        return node;
    }

    private static Map<String, Object> prediction(String id, Integer item) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", id);
        row.put("workflow_item", item);
        return row;
    }
}
