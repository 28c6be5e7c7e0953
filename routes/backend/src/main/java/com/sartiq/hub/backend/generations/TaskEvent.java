package com.sartiq.hub.backend.generations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import com.sartiq.hub.common.rest.FieldError;
import com.sartiq.hub.common.rest.RequestValidationException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The fields of compute's task event (webhook body and Redis message alike) that the backend uses.
 * Compute statuses map onto prediction states here. {@code entityId} is the prediction (or training)
 * the task was created for, when it is a UUID.
 */
public record TaskEvent(String eventType, String taskId, String taskType, String status, int sequence, int progress,
                        String errorMessage, String entityId) {

    /** The sequence of a state read from compute by the reconciliation job: final, so no event may follow it. */
    public static final int FINAL = Integer.MAX_VALUE;

    public static TaskEvent parse(String json, ObjectMapper mapper) {
        return parse(read(json, mapper));
    }

    /** A compute event's JSON (task or workflow event); not JSON at all is a 422. */
    public static JsonNode read(String json, ObjectMapper mapper) {
        try {
            JsonNode node = mapper.readTree(json);
            return node == null ? mapper.nullNode() : node;
        } catch (IOException e) {
            throw new RequestValidationException(new FieldError(List.of("body"), "JSON decode error", "json_invalid"));
        }
    }

    public static TaskEvent parse(JsonNode node) {
        requireHeader(node, "task_id");
        return new TaskEvent(node.path("event_type").asText(null), node.get("task_id").asText(), node.path("task_type").asText(null),
                node.get("status").asText(), node.get("sequence").asInt(), node.path("progress").asInt(0),
                node.hasNonNull("error_message") ? node.get("error_message").asText() : null, uuid(node.path("entity_id").asText(null)));
    }

    /** A task as {@code GET /api/v1/tasks/{id}} shows it, read as its last event. */
    public static TaskEvent reconciled(JsonNode task) {
        return new TaskEvent("task_status_update", task.path("id").asText(), task.path("task_type").asText(null),
                task.path("status").asText(), FINAL, task.path("progress").asInt(0),
                task.hasNonNull("error_message") ? task.get("error_message").asText() : null, uuid(task.path("entity_id").asText(null)));
    }

    /**
     * What the reconciliation job records for a prediction whose task compute answers 404 for (its database lost the
     * task, or never had it): a final failure, instead of asking compute again forever.
     */
    public static TaskEvent unknownToCompute(String taskId, String predictionId) {
        return new TaskEvent("task_status_update", taskId, null, "failed", FINAL, 0,
                "compute does not know task " + taskId + " (HTTP 404): the prediction cannot finish", uuid(predictionId));
    }

    /** Prediction states: Pending, Generating, Completed, Error (the documented enum, lower-case on the wire). */
    public String predictionStatus() {
        return switch (status) {
            case "pending" -> "pending";
            case "running" -> "generating";
            case "completed" -> "completed";
            default -> "error";
        };
    }

    public boolean completed() {
        return "completed".equals(status);
    }

    /** Completed, failed or cancelled: nothing follows. */
    public boolean terminal() {
        return "completed".equals(status) || "failed".equals(status) || "cancelled".equals(status);
    }

    /** A training's event (compute's training_status_update), rather than a prediction's. */
    public boolean training() {
        return "training_status_update".equals(eventType) || "TRAINING".equalsIgnoreCase(taskType);
    }

    public String errorOrCancelled() {
        return errorMessage == null && "cancelled".equals(status) ? "Cancelled" : errorMessage;
    }

    /**
     * What every compute event (a task's or a workflow's) must carry, else a 422 naming the field: its subject's id
     * ({@code idField}, a UUID), a status and an integer sequence.
     */
    static void requireHeader(JsonNode node, String idField) {
        List<FieldError> errors = new ArrayList<>();
        for (String field : List.of(idField, "status", "sequence")) {
            if (!node.hasNonNull(field)) {
                errors.add(FieldError.body(field, "Field required", "missing"));
            }
        }
        if (errors.isEmpty() && uuid(node.get(idField).asText()) == null) {
            errors.add(FieldError.body(idField, "Input should be a valid UUID", "uuid_parsing"));
        }
        if (errors.isEmpty() && !node.get("sequence").canConvertToInt()) {
            errors.add(FieldError.body("sequence", "Input should be a valid integer", "int_parsing"));
        }
        if (!errors.isEmpty()) {
            throw new RequestValidationException(errors);
        }
    }

    /** The value as a canonical UUID, or null when it is none. */
    static String uuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value).toString();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
