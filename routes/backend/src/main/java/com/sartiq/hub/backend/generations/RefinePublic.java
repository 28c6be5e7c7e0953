package com.sartiq.hub.backend.generations;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.time.OffsetDateTime;
import java.util.Map;

import static com.sartiq.hub.common.sql.SqlValues.utc;

/** A refine: its source prediction, the REFINE generation that runs it, and that generation's state and result. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RefinePublic(String id, String sourcePredictionId, String generationId, Double scaleFactor, String organizationId,
                           String status, int progress, String resultImageUrl, Integer width, Integer height, String errorMessage,
                           OffsetDateTime createdAt, OffsetDateTime updatedAt, OffsetDateTime completedAt) {

    public static RefinePublic fromRow(Map<String, Object> row) {
        return new RefinePublic(String.valueOf(row.get("id")), GenerationPublic.text(row.get("source_prediction_id")),
                GenerationPublic.text(row.get("generation_id")), row.get("scale_factor") == null ? null : ((Number) row.get("scale_factor")).doubleValue(),
                GenerationPublic.text(row.get("organization_id")), (String) row.get("status"), ((Number) row.get("progress")).intValue(),
                (String) row.get("result_image_url"), (Integer) row.get("width"), (Integer) row.get("height"), (String) row.get("error_message"),
                utc(row.get("created_at")), utc(row.get("updated_at")), utc(row.get("completed_at")));
    }
}
