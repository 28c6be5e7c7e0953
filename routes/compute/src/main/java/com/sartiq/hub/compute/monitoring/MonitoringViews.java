package com.sartiq.hub.compute.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static com.sartiq.hub.common.sql.SqlValues.utc;

/** What the monitoring endpoints answer, mapped from their SQL rows in one place. */
public final class MonitoringViews {

    private MonitoringViews() {
    }

    /** One queue: tasks waiting (due now, scheduled later), running, the oldest due task's age, and worker capacity on it. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record QueueStats(String queue, int pending, int due, int scheduled, int running, double oldestTaskAgeSeconds, int retries24h,
                             int workers, int busy, int capacity) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record WorkerView(String id, String host, List<String> roles, JsonNode queues, OffsetDateTime startedAt, OffsetDateTime heartbeatAt,
                             boolean stopping, boolean alive) {

        static WorkerView fromRow(Map<String, Object> row, ObjectMapper mapper) throws Exception {
            return new WorkerView((String) row.get("id"), (String) row.get("host"), List.of(((String) row.get("roles")).split(",")),
                    mapper.readTree((String) row.get("queues")), utc(row.get("started_at")), utc(row.get("heartbeat_at")),
                    Boolean.TRUE.equals(row.get("stopping")), Boolean.TRUE.equals(row.get("alive")));
        }
    }

    /**
     * @param status                  {@code healthy} (every queue with work has a live worker), {@code degraded} (some
     *                                queue with work has none) or {@code unhealthy} (no live worker at all)
     * @param queuesWithoutWorkers    queues holding due tasks that no live worker serves
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record WorkersHealth(String status, int workersAlive, int workersLost, List<String> queuesWithoutWorkers) {
    }

    /** A row of {@code /monitoring/tasks}: the task without its params and output, plus computed duration and error flag. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record TaskSummary(String id, String taskType, String status, String queue, String providerType, int priority, int attempt,
                              int maxAttempts, int retries, int progress, String entityId, String originInstance, String originZone,
                              String originVersion, String originTenantId, String errorMessage, String errorCategory,
                              OffsetDateTime createdAt, OffsetDateTime updatedAt, OffsetDateTime startedAt, OffsetDateTime completedAt,
                              Double durationSeconds, boolean hasError) {

        static TaskSummary fromRow(Map<String, Object> row) {
            return new TaskSummary(String.valueOf(row.get("id")), (String) row.get("task_type"), (String) row.get("status"), (String) row.get("queue"),
                    (String) row.get("provider_type"), num(row, "priority"), num(row, "attempt"), num(row, "max_attempts"), num(row, "retries"),
                    num(row, "progress"), (String) row.get("entity_id"), (String) row.get("origin_instance"), (String) row.get("origin_zone"),
                    (String) row.get("origin_version"), (String) row.get("origin_tenant_id"), (String) row.get("error_message"),
                    (String) row.get("error_category"), utc(row.get("created_at")), utc(row.get("updated_at")), utc(row.get("started_at")),
                    utc(row.get("completed_at")), row.get("duration_seconds") == null ? null : ((Number) row.get("duration_seconds")).doubleValue(),
                    Boolean.TRUE.equals(row.get("has_error")));
        }
    }

    /** One page of tasks; {@code pages} counts pages of {@code page_size}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record TaskPage(List<TaskSummary> items, long total, int page, int pageSize, long pages) {
    }

    /** One entry of a task's history (its outbox events, in order, with their delivery state). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record TaskEventView(int sequence, JsonNode event, OffsetDateTime createdAt, OffsetDateTime deliveredAt, int deliveryAttempts,
                                boolean abandoned, String lastError) {

        static TaskEventView fromRow(Map<String, Object> row, ObjectMapper mapper) throws Exception {
            return new TaskEventView(num(row, "seq"), mapper.readTree((String) row.get("payload")), utc(row.get("created_at")),
                    utc(row.get("delivered_at")), num(row, "attempts"), Boolean.TRUE.equals(row.get("abandoned")), (String) row.get("last_error"));
        }
    }

    /** {@code /monitoring/tasks/{id}}: the task as {@code GET /tasks/{id}} shows it plus queue details and its history. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record TaskDetails(TaskSummary task, JsonNode params, JsonNode output, JsonNode providerRequest, String workerId,
                              OffsetDateTime leaseUntil, List<TaskEventView> events, List<ProviderAttemptView> providerAttempts) {
    }

    /**
     * One provider call of a task ({@code provider_attempt}): which provider and operation (LLM {@code generate}; fal
     * {@code submit}, {@code status}, {@code result}, {@code cancel}, {@code run}), its outcome ({@code succeeded} or the
     * failure kind), the last HTTP status, how many HTTP calls it took (retries included) and how long.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ProviderAttemptView(int taskAttempt, String provider, String model, String operation, String outcome, Integer httpStatus,
                                      int calls, long durationMs, String error, Integer inputTokens, Integer outputTokens,
                                      OffsetDateTime createdAt) {

        static ProviderAttemptView fromRow(Map<String, Object> row) {
            return new ProviderAttemptView(num(row, "task_attempt"), (String) row.get("provider"), (String) row.get("model"),
                    (String) row.get("operation"), (String) row.get("outcome"), integer(row.get("http_status")), num(row, "calls"),
                    ((Number) row.get("duration_ms")).longValue(), (String) row.get("error"), integer(row.get("input_tokens")),
                    integer(row.get("output_tokens")), utc(row.get("created_at")));
        }

        private static Integer integer(Object value) {
            return value == null ? null : ((Number) value).intValue();
        }
    }

    /** A media asset a task read ({@code input}, from its params) or wrote ({@code output}). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Media(String role, String field, String url, String contentType, Integer width, Integer height) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record TaskMedia(String taskId, List<Media> media) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Stats(Map<String, Object> tasks, Map<String, Map<String, Long>> byType, List<QueueStats> queues, WorkersHealth workers) {
    }

    static int num(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value == null ? 0 : ((Number) value).intValue();
    }
}
