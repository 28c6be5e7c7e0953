package com.sartiq.hub.compute.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sartiq.hub.common.rest.FieldError;
import com.sartiq.hub.common.rest.JsonRequestReader;
import com.sartiq.hub.common.rest.RequestValidationException;
import com.sartiq.hub.compute.workers.WorkerProperties;
import jakarta.validation.constraints.Min;
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
            JsonNode metadata,
            @Min(0) Integer priority) {
    }

    private final JsonRequestReader reader;
    private final ObjectMapper mapper;
    private final WorkerProperties workers;
    private final TaskProperties tasks;
    private final SecureRandom random = new SecureRandom();

    public TaskRequestReader(JsonRequestReader reader, ObjectMapper mapper, WorkerProperties workers, TaskProperties tasks) {
        this.reader = reader;
        this.mapper = mapper;
        this.workers = workers;
        this.tasks = tasks;
    }

    /** {@code POST /api/v1/tasks/}: the body names its {@code task_type}. */
    public Map<String, Object> read(@Body String body, @Header("Idempotency-Key") String idempotencyKey) throws Exception {
        ObjectNode json = reader.readObject(body);
        return read(json, taskType(json.get("task_type")), idempotencyKey);
    }

    /** The typed endpoints ({@code /tasks/generation}, {@code /training/}): the path names the type, a body's own task_type is ignored. */
    public Map<String, Object> readAs(@Body String body, @Header("Idempotency-Key") String idempotencyKey, TaskType type) throws Exception {
        return read(reader.readObject(body), type, idempotencyKey);
    }

    private Map<String, Object> read(ObjectNode json, TaskType type, String idempotencyKey) throws Exception {
        TaskParams params = reader.read(json, type.params());
        if (params instanceof TaskParams.Generation generation) {
            params = generation.withDefaults(random.nextLong(0, Integer.MAX_VALUE));
        } else if (params instanceof TaskParams.Training training) {
            params = training.withDefaults();
        }
        Envelope envelope = reader.read(json, Envelope.class);
        if (envelope.metadata() != null && !envelope.metadata().isObject()) {
            throw new RequestValidationException(FieldError.body("metadata", "Input should be a valid dictionary", "dict_type"));
        }
        if (envelope.priority() != null && envelope.priority() > tasks.maxPriority()) {
            throw new RequestValidationException(FieldError.body("priority", "Input should be less than or equal to " + tasks.maxPriority(),
                    "less_than_equal"));
        }
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 255)) {
            throw new RequestValidationException(new FieldError(List.of("header", "Idempotency-Key"),
                    "Idempotency-Key should have 1 to 255 characters", "string_too_long"));
        }
        Map<String, Object> row = new HashMap<>();
        row.put("id", UUID.randomUUID().toString());
        row.put("taskType", type.name());
        String queue = tasks.queue(type);
        row.put("queue", queue);
        row.put("params", mapper.writeValueAsString(params));
        row.put("maxAttempts", workers.forQueue(queue).maxAttempts());
        row.put("webhookUrl", envelope.webhookUrl());
        row.put("entityId", envelope.entityId());
        row.put("originInstance", envelope.originInstance());
        row.put("originZone", envelope.originZone());
        row.put("originVersion", envelope.originVersion());
        row.put("originTenantId", envelope.originTenantId());
        row.put("metadata", envelope.metadata() == null ? null : mapper.writeValueAsString(envelope.metadata()));
        row.put("idempotencyKey", idempotencyKey);
        row.put("priority", envelope.priority() == null ? 0 : envelope.priority());
        row.put("timeLimitSeconds", tasks.timeLimitSeconds(type));
        row.put("providerType", providerType(json));
        return row;
    }

    private static String providerType(ObjectNode json) {
        JsonNode value = json.get("provider_type");
        return value == null || value.isNull() ? null : value.asText();
    }

    private static TaskType taskType(JsonNode value) {
        if (value == null || value.isNull()) {
            throw new RequestValidationException(FieldError.body("task_type", "Field required", "missing"));
        }
        return TaskType.parse(value.asText()).orElseThrow(() -> new RequestValidationException(FieldError.body("task_type",
                "Input should be " + Arrays.toString(TaskType.values()), "enum")));
    }
}
