package com.sartiq.hub.compute.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sartiq.hub.common.rest.FieldError;
import com.sartiq.hub.common.rest.JsonRequestReader;
import com.sartiq.hub.common.rest.RequestValidationException;
import com.sartiq.hub.compute.workers.WorkerProperties;
import jakarta.validation.constraints.Size;
import org.apache.camel.Body;
import org.apache.camel.Header;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads {@code POST /api/v1/tasks/}: the task type picks the parameter record, common fields
 * (webhook, origin, metadata) apply to every type. Produces the parameters of {@code task-insert.sql}.
 */
public class TaskRequestReader {

    /** Fields every task type accepts. */
    record Envelope(
            @Size(max = 2048) String webhookUrl,
            @Size(max = 255) String entityId,
            @Size(max = 255) String originInstance,
            @Size(max = 255) String originZone,
            @Size(max = 255) String originVersion,
            @Size(max = 255) String originTenantId,
            JsonNode metadata) {
    }

    private final JsonRequestReader reader;
    private final ObjectMapper mapper;
    private final WorkerProperties workers;
    private final SecureRandom random = new SecureRandom();

    public TaskRequestReader(JsonRequestReader reader, ObjectMapper mapper, WorkerProperties workers) {
        this.reader = reader;
        this.mapper = mapper;
        this.workers = workers;
    }

    public Map<String, Object> read(@Body String body, @Header("Idempotency-Key") String idempotencyKey) throws Exception {
        ObjectNode json = reader.readObject(body);
        TaskType type = taskType(json.get("task_type"));
        TaskParams params = switch (type) {
            case GENERATION -> reader.read(json, TaskParams.Generation.class).withDefaults(random.nextLong(0, Integer.MAX_VALUE));
            case BACKGROUND_REMOVE -> reader.read(json, TaskParams.BackgroundRemove.class);
            case LLM_INTERACTION -> reader.read(json, TaskParams.LlmInteraction.class);
        };
        Envelope envelope = reader.read(json, Envelope.class);
        if (envelope.metadata() != null && !envelope.metadata().isObject()) {
            throw new RequestValidationException(FieldError.body("metadata", "Input should be a valid dictionary", "dict_type"));
        }
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 255)) {
            throw new RequestValidationException(new FieldError(List.of("header", "Idempotency-Key"),
                    "Idempotency-Key should have 1 to 255 characters", "string_too_long"));
        }
        Map<String, Object> row = new HashMap<>();
        row.put("id", UUID.randomUUID().toString());
        row.put("taskType", type.name());
        row.put("queue", type.queue());
        row.put("params", mapper.writeValueAsString(params));
        row.put("maxAttempts", workers.forQueue(type.queue()).maxAttempts());
        row.put("webhookUrl", envelope.webhookUrl());
        row.put("entityId", envelope.entityId());
        row.put("originInstance", envelope.originInstance());
        row.put("originZone", envelope.originZone());
        row.put("originVersion", envelope.originVersion());
        row.put("originTenantId", envelope.originTenantId());
        row.put("metadata", envelope.metadata() == null ? null : mapper.writeValueAsString(envelope.metadata()));
        row.put("idempotencyKey", idempotencyKey);
        return row;
    }

    private static TaskType taskType(JsonNode value) {
        if (value == null || value.isNull()) {
            throw new RequestValidationException(FieldError.body("task_type", "Field required", "missing"));
        }
        return TaskType.parse(value.asText()).orElseThrow(() -> new RequestValidationException(FieldError.body("task_type",
                "Input should be " + Arrays.toString(TaskType.values()), "enum")));
    }
}
