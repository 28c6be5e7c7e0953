package com.sartiq.hub.compute.tasks;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static com.sartiq.hub.common.sql.SqlValues.utc;

import java.time.OffsetDateTime;
import java.util.Map;

/** A task as the compute API shows it ({@code GET /api/v1/tasks/{task_id}}). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TaskView(
        String id,
        String taskType,
        String status,
        int progress,
        int attempt,
        JsonNode params,
        JsonNode output,
        String errorMessage,
        String errorCategory,
        String entityId,
        JsonNode metadata,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        OffsetDateTime startedAt,
        OffsetDateTime completedAt) {

    /** Maps a {@code task} row as camel-sql returns it. */
    public static TaskView fromRow(Map<String, Object> row, ObjectMapper mapper) throws Exception {
        return new TaskView(
                String.valueOf(row.get("id")),
                (String) row.get("task_type"),
                (String) row.get("status"),
                ((Number) row.get("progress")).intValue(),
                ((Number) row.get("attempt")).intValue(),
                json(row.get("params"), mapper),
                json(row.get("output"), mapper),
                (String) row.get("error_message"),
                (String) row.get("error_category"),
                (String) row.get("entity_id"),
                json(row.get("metadata"), mapper),
                utc(row.get("created_at")),
                utc(row.get("updated_at")),
                utc(row.get("started_at")),
                utc(row.get("completed_at")));
    }

    private static JsonNode json(Object value, ObjectMapper mapper) throws Exception {
        return value == null ? null : mapper.readTree(value.toString());
    }

}
