package com.sartiq.hub.backend.generations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;

/**
 * The fields of compute's task event (webhook body and Redis message alike) that the backend uses.
 * Compute statuses map onto prediction states here.
 */
public record TaskEvent(String taskId, String taskType, String status, int sequence, int progress, String errorMessage) {

    public static TaskEvent parse(String json, ObjectMapper mapper) throws IOException {
        JsonNode node = mapper.readTree(json);
        if (node == null || !node.hasNonNull("task_id") || !node.hasNonNull("status") || !node.hasNonNull("sequence")) {
            throw new IOException("task event needs task_id, status and sequence");
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
