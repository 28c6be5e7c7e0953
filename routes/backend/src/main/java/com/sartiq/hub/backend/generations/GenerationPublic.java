package com.sartiq.hub.backend.generations;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static com.sartiq.hub.common.sql.SqlValues.utc;

/** A generation with its predictions, as {@code GET /api/v1/generations/{id}} shows it. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record GenerationPublic(String id, String status, int progress, String prompt, String negativePrompt, int width, int height,
                               int batchSize, String errorMessage, OffsetDateTime createdAt, OffsetDateTime updatedAt,
                               OffsetDateTime completedAt, List<PredictionPublic> predictions) {

    /** One generated image slot. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record PredictionPublic(String id, long seed, String status, int progress, String taskId, String resultImageUrl,
                                   Integer width, Integer height, String errorMessage) {

        static PredictionPublic fromRow(Map<String, Object> row) {
            return new PredictionPublic(String.valueOf(row.get("id")), ((Number) row.get("seed")).longValue(), (String) row.get("status"),
                    ((Number) row.get("progress")).intValue(), row.get("compute_task_id") == null ? null : row.get("compute_task_id").toString(),
                    (String) row.get("result_image_url"), (Integer) row.get("width"), (Integer) row.get("height"),
                    (String) row.get("error_message"));
        }
    }

    public static GenerationPublic fromRows(Map<String, Object> generation, List<Map<String, Object>> predictions) {
        return new GenerationPublic(String.valueOf(generation.get("id")), (String) generation.get("status"),
                ((Number) generation.get("progress")).intValue(), (String) generation.get("prompt"), (String) generation.get("negative_prompt"),
                (Integer) generation.get("width"), (Integer) generation.get("height"), (Integer) generation.get("batch_size"),
                (String) generation.get("error_message"), utc(generation.get("created_at")), utc(generation.get("updated_at")),
                utc(generation.get("completed_at")), predictions.stream().map(PredictionPublic::fromRow).toList());
    }

}
