package com.sartiq.hub.backend.generations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import com.sartiq.hub.common.rest.FieldError;
import com.sartiq.hub.common.rest.RequestValidationException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields of compute's task event (webhook body and Redis message alike) that the backend uses.
 * Compute statuses map onto prediction states here.
 */
public record TaskEvent(String taskId, String taskType, String status, int sequence, int progress, String errorMessage) {

    public static TaskEvent parse(String json, ObjectMapper mapper) {
        JsonNode node;
        try {
            node = mapper.readTree(json);
        } catch (IOException e) {
            throw new RequestValidationException(new FieldError(List.of("body"), "JSON decode error", "json_invalid"));
        }
        List<FieldError> missing = new ArrayList<>();
        for (String field : List.of("task_id", "status", "sequence")) {
            if (node == null || !node.hasNonNull(field)) {
                missing.add(FieldError.body(field, "Field required", "missing"));
            }
        }
        if (!missing.isEmpty()) {
            throw new RequestValidationException(missing);
        }
        return new TaskEvent(node.get("task_id").asText(), node.path("task_type").asText(null), node.get("status").asText(),
                node.get("sequence").asInt(), node.path("progress").asInt(0),
                node.hasNonNull("error_message") ? node.get("error_message").asText() : null);
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
}
