package com.sartiq.hub.backend.generations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.Map;

import static com.sartiq.hub.common.sql.SqlValues.utc;

/**
 * A training as the backend follows it: compute's status ({@code pending}, {@code running}, {@code completed},
 * {@code failed}, {@code cancelled}), progress, and once completed compute's output ({@code result}, e.g. the
 * LoRA weights' URL).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TrainingPublic(String id, String status, int progress, String trainingType, String entityType, String entityId,
                             String triggerWord, String taskId, String organizationId, JsonNode params, JsonNode result, String errorMessage,
                             OffsetDateTime createdAt, OffsetDateTime updatedAt, OffsetDateTime completedAt) {

    public static TrainingPublic fromRow(Map<String, Object> row, ObjectMapper mapper) {
        return new TrainingPublic(String.valueOf(row.get("id")), (String) row.get("status"), ((Number) row.get("progress")).intValue(),
                (String) row.get("training_type"), (String) row.get("entity_type"), GenerationPublic.text(row.get("entity_id")),
                (String) row.get("trigger_word"), GenerationPublic.text(row.get("compute_task_id")), GenerationPublic.text(row.get("organization_id")),
                json(row.get("params"), mapper), json(row.get("result"), mapper), (String) row.get("error_message"),
                utc(row.get("created_at")), utc(row.get("updated_at")), utc(row.get("completed_at")));
    }

    private static JsonNode json(Object value, ObjectMapper mapper) {
        try {
            return value == null ? null : mapper.readTree(value.toString());
        } catch (IOException e) {
            throw new IllegalStateException("unreadable training column", e);
        }
    }
}
