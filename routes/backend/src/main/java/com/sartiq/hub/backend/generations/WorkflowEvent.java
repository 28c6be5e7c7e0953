package com.sartiq.hub.backend.generations;

import com.fasterxml.jackson.databind.JsonNode;
import com.sartiq.hub.backend.generations.GenerationPipelines.Outputs;

import java.util.ArrayList;
import java.util.List;

/**
 * Compute's {@code workflow_status_update} (webhook body and Redis message alike): a workflow's status and
 * progress with its per-workflow sequence, the metadata the backend gave it (its predictions and how its
 * outputs become theirs) and, on a terminal status, the whole workflow with each node's output.
 */
public record WorkflowEvent(String workflowId, String status, int progress, int sequence, List<String> predictionIds, Outputs outputs,
                            JsonNode workflow) {

    public static final String TYPE = "workflow_status_update";

    /** Whether a compute event (already read as JSON) is a workflow's rather than a task's. */
    public static boolean about(JsonNode event) {
        return TYPE.equals(event.path("event_type").asText());
    }

    public static WorkflowEvent parse(JsonNode node) {
        TaskEvent.requireHeader(node, "workflow_id");
        JsonNode workflow = node.get("workflow");
        return of(node.get("workflow_id").asText(), node.get("status").asText(), node.path("progress").asInt(0), node.get("sequence").asInt(),
                node.path("metadata"), workflow == null || workflow.isNull() ? null : workflow);
    }

    /** A workflow as {@code GET /api/v1/workflows/{id}} shows it, read as its last event. */
    public static WorkflowEvent reconciled(JsonNode workflow) {
        return of(workflow.path("id").asText(), workflow.path("status").asText(), workflow.path("progress").asInt(0), TaskEvent.FINAL,
                workflow.path("metadata"), workflow);
    }

    private static WorkflowEvent of(String id, String status, int progress, int sequence, JsonNode metadata, JsonNode workflow) {
        List<String> predictions = new ArrayList<>();
        metadata.path("prediction_ids").forEach(p -> {
            if (TaskEvent.uuid(p.asText()) != null) {
                predictions.add(TaskEvent.uuid(p.asText()));
            }
        });
        Outputs outputs;
        try {
            outputs = Outputs.valueOf(metadata.path("outputs").asText(Outputs.LAST_IMAGE.name()));
        } catch (IllegalArgumentException e) {
            outputs = Outputs.LAST_IMAGE;
        }
        return new WorkflowEvent(id, status, Math.max(0, Math.min(100, progress)), sequence, predictions, outputs, workflow);
    }

    /** Completed, failed or cancelled: nothing follows. */
    public boolean terminal() {
        return "completed".equals(status) || "failed".equals(status) || "cancelled".equals(status);
    }

    /** A terminal event that did not carry the workflow, whose outputs must be read from compute. */
    public boolean needsWorkflow() {
        return terminal() && workflow == null;
    }

    public WorkflowEvent withWorkflow(JsonNode view) {
        return new WorkflowEvent(workflowId, status, progress, sequence, predictionIds, outputs, view);
    }

    /** The state of the workflow's predictions while it runs: pending until it starts, then generating. */
    public String runningPredictionStatus() {
        return "created".equals(status) ? "pending" : "generating";
    }

    /** The {@code prediction_ids} parameter (a PostgreSQL uuid[] literal). */
    public String predictionIdsParam() {
        return "{" + String.join(",", predictionIds) + "}";
    }
}
