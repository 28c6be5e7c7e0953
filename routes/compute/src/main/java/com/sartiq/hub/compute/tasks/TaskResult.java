package com.sartiq.hub.compute.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.sartiq.hub.common.rest.ApiException;

import java.time.OffsetDateTime;
import java.util.Set;

/** {@code GET /api/v1/tasks/{task_id}/result}: what a finished task produced, or why it did not. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TaskResult(String id, String taskType, String status, JsonNode output, String errorMessage, String errorCategory,
                         OffsetDateTime completedAt) {

    static final Set<String> FINISHED = Set.of("completed", "failed", "cancelled");

    /** 409 while the task is still pending or running. */
    static TaskResult of(TaskView task) {
        if (!FINISHED.contains(task.status())) {
            throw new ApiException(409, "Task is " + task.status() + ": no result yet");
        }
        return new TaskResult(task.id(), task.taskType(), task.status(), task.output(), task.errorMessage(), task.errorCategory(),
                task.completedAt());
    }
}
