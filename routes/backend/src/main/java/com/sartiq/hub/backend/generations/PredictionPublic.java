package com.sartiq.hub.backend.generations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.Map;

import static com.sartiq.hub.backend.generations.GenerationPublic.text;
import static com.sartiq.hub.common.sql.SqlValues.utc;

/**
 * One generated image slot. Status: {@code pending}, {@code generating}, {@code completed},
 * {@code error}; {@code selected} marks the output chosen for review. {@code workflow_id} names the compute
 * workflow of a pipeline-made prediction, whose {@code task_id} is then the task that made its result (once
 * known); {@code shot_type} is its shot type when the generation asked for several; {@code attempts} are an
 * AGENTIC prediction's generate-and-evaluate attempts ({@code [{attempt, image_url, score, reasons, passed}]}).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PredictionPublic(String id, String generationId, long seed, String status, int progress, String taskId, String workflowId,
                               String shotType, String resultImageUrl, String resultVideoUrl, Integer width, Integer height,
                               boolean selected, String errorMessage, JsonNode attempts, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static PredictionPublic fromRow(Map<String, Object> row) {
        return new PredictionPublic(String.valueOf(row.get("id")), String.valueOf(row.get("generation_id")),
                ((Number) row.get("seed")).longValue(), (String) row.get("status"), ((Number) row.get("progress")).intValue(),
                text(row.get("compute_task_id") != null ? row.get("compute_task_id") : row.get("workflow_task_id")),
                text(row.get("compute_workflow_id")), (String) row.get("shot_type"), (String) row.get("result_image_url"),
                (String) row.get("result_video_url"), (Integer) row.get("width"), (Integer) row.get("height"),
                Boolean.TRUE.equals(row.get("selected")), (String) row.get("error_message"), attempts(row.get("attempts")),
                utc(row.get("created_at")), utc(row.get("updated_at")));
    }

    /** The jsonb column as JSON (null when the prediction has no attempts). */
    private static JsonNode attempts(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return JSON.readTree(value.toString());
        } catch (IOException e) {
            throw new IllegalStateException("unreadable prediction attempts", e);
        }
    }
}
