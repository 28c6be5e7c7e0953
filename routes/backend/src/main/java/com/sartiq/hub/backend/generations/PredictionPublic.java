package com.sartiq.hub.backend.generations;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.time.OffsetDateTime;
import java.util.Map;

import static com.sartiq.hub.backend.generations.GenerationPublic.text;
import static com.sartiq.hub.common.sql.SqlValues.utc;

/**
 * One generated image slot. Status: {@code pending}, {@code generating}, {@code completed},
 * {@code error}; {@code selected} marks the output chosen for review.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PredictionPublic(String id, String generationId, long seed, String status, int progress, String taskId,
                               String resultImageUrl, String resultVideoUrl, Integer width, Integer height, boolean selected,
                               String errorMessage, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public static PredictionPublic fromRow(Map<String, Object> row) {
        return new PredictionPublic(String.valueOf(row.get("id")), String.valueOf(row.get("generation_id")),
                ((Number) row.get("seed")).longValue(), (String) row.get("status"), ((Number) row.get("progress")).intValue(),
                text(row.get("compute_task_id")), (String) row.get("result_image_url"), (String) row.get("result_video_url"), (Integer) row.get("width"),
                (Integer) row.get("height"), Boolean.TRUE.equals(row.get("selected")), (String) row.get("error_message"),
                utc(row.get("created_at")), utc(row.get("updated_at")));
    }
}
