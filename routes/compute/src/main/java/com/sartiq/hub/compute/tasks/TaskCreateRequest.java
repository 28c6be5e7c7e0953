package com.sartiq.hub.compute.tasks;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The body of {@code POST /api/v1/tasks/} as the OpenAPI document describes it: {@code task_type}, the
 * fields of that type ({@link TaskParams}) and the fields every task accepts. Requests are read by
 * {@link TaskRequestReader}; this record only documents the union.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TaskCreateRequest(
        String taskType,
        String prompt,
        String negativePrompt,
        Integer width,
        Integer height,
        Long seed,
        String imageUrl,
        String webhookUrl,
        String entityId,
        String originInstance,
        String originZone,
        String originVersion,
        String originTenantId,
        JsonNode metadata) {
}
