package com.sartiq.hub.compute.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sartiq.hub.common.rest.FieldError;
import com.sartiq.hub.common.rest.JsonRequestReader;
import com.sartiq.hub.common.rest.RequestValidationException;
import org.apache.camel.Body;
import org.apache.camel.Header;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reads {@code POST /api/v1/workflows/}: either {@code steps} or a named {@code template} with its
 * {@code inputs} (the template's steps, its defaults under the given inputs), plus name, description,
 * origin, failure policy, webhook and metadata. The steps are checked by {@link WorkflowSteps}; every bad
 * field is answered at once. Produces the parameters of {@code workflow-insert.sql}.
 */
public class WorkflowRequestReader {

    static final Set<String> POLICIES = Set.of("fail_fast", "continue");

    private final JsonRequestReader reader;
    private final WorkflowSteps steps;
    private final WorkflowTemplates templates;
    private final ObjectMapper mapper;

    WorkflowRequestReader(JsonRequestReader reader, WorkflowSteps steps, WorkflowTemplates templates, ObjectMapper mapper) {
        this.reader = reader;
        this.steps = steps;
        this.templates = templates;
        this.mapper = mapper;
    }

    public Map<String, Object> read(@Body String body, @Header("Idempotency-Key") String idempotencyKey) throws Exception {
        ObjectNode json = reader.readObject(body);
        String template = null;
        if (json.hasNonNull("template")) {
            template = json.get("template").asText();
            json = instantiate(json);
        }
        List<FieldError> errors = new ArrayList<>();
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 255)) {
            errors.add(new FieldError(List.of("header", "Idempotency-Key"), "Idempotency-Key should have 1 to 255 characters", "string_too_long"));
        }
        String name = text(json, "name", 255, true, errors);
        String description = text(json, "description", 4000, false, errors);
        String origin = text(json, "origin_instance", 255, false, errors);
        String webhookUrl = text(json, "webhook_url", 2048, false, errors);
        if (webhookUrl != null && !webhookUrl.matches("https?://\\S+")) {
            errors.add(FieldError.body("webhook_url", "Input should be an http(s) URL", "url_parsing"));
        }
        String policy = json.path("failure_policy").isMissingNode() || json.get("failure_policy").isNull()
                ? "fail_fast" : json.get("failure_policy").asText();
        if (!POLICIES.contains(policy)) {
            errors.add(FieldError.body("failure_policy", "Input should be 'fail_fast' or 'continue'", "enum"));
        }
        JsonNode inputs = object(json, "inputs", errors);
        JsonNode metadata = object(json, "metadata", errors);
        JsonNode start = json.path("start");
        if (!start.isMissingNode() && !start.isNull() && !start.isBoolean()) {
            errors.add(FieldError.body("start", "Input should be a valid boolean", "bool_type"));
        }
        List<ObjectNode> nodes = steps.read(json.path("steps"), new WorkflowSteps.Inputs(inputs, Set.of()), errors);
        if (!errors.isEmpty()) {
            throw new RequestValidationException(errors);
        }
        Map<String, Object> row = new HashMap<>();
        row.put("id", UUID.randomUUID().toString());
        row.put("name", name);
        row.put("description", description);
        row.put("originInstance", origin);
        row.put("failurePolicy", policy);
        row.put("inputs", mapper.writeValueAsString(inputs));
        row.put("nodes", mapper.writeValueAsString(nodes));
        row.put("start", !start.isBoolean() || start.asBoolean());
        row.put("template", template);
        row.put("webhookUrl", webhookUrl);
        row.put("metadata", mapper.writeValueAsString(metadata));
        row.put("idempotencyKey", idempotencyKey);
        return row;
    }

    /** The request as if it had been written out: the template's steps, its defaults under the given inputs. */
    private ObjectNode instantiate(ObjectNode json) {
        List<FieldError> errors = new ArrayList<>();
        JsonNode name = json.get("template");
        WorkflowTemplates.Template template = name.isTextual() ? templates.get(name.asText()).orElse(null) : null;
        if (template == null) {
            errors.add(FieldError.body("template", "Unknown workflow template " + name + " (known: "
                    + templates.all().stream().map(WorkflowTemplates.Template::name).toList() + ")", "value_error"));
        }
        if (json.hasNonNull("steps")) {
            errors.add(FieldError.body("steps", "Give either steps or a template, not both", "value_error"));
        }
        JsonNode given = json.path("inputs");
        if (!given.isMissingNode() && !given.isNull() && !given.isObject()) {
            errors.add(FieldError.body("inputs", "Input should be a valid dictionary", "dict_type"));
        }
        if (template != null && (given.isObject() || given.isMissingNode() || given.isNull())) {
            template.inputs().stream().filter(i -> !given.hasNonNull(i)).forEach(i -> errors.add(new FieldError(List.of("body", "inputs", i),
                    "Field required: template '" + template.name() + "' needs input '" + i + "'", "missing")));
        }
        if (!errors.isEmpty()) {
            throw new RequestValidationException(errors);
        }
        ObjectNode body = json.deepCopy();
        body.remove("template");
        ObjectNode inputs = template.defaults().deepCopy();
        if (given.isObject()) {
            inputs.setAll((ObjectNode) given);
        }
        body.set("inputs", inputs);
        body.set("steps", template.steps().deepCopy());
        if (!body.hasNonNull("name")) {
            body.put("name", template.title());
        }
        if (!body.hasNonNull("description") && template.description() != null) {
            body.put("description", template.description());
        }
        if (!body.hasNonNull("failure_policy")) {
            body.put("failure_policy", template.failurePolicy());
        }
        if (!template.metadata().isEmpty() && (body.path("metadata").isObject() || !body.hasNonNull("metadata"))) {
            ObjectNode metadata = template.metadata().deepCopy();
            if (body.path("metadata").isObject()) {
                metadata.setAll((ObjectNode) body.get("metadata"));
            }
            body.set("metadata", metadata);
        }
        return body;
    }

    private JsonNode object(ObjectNode json, String field, List<FieldError> errors) {
        JsonNode value = json.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return mapper.createObjectNode();
        }
        if (!value.isObject()) {
            errors.add(FieldError.body(field, "Input should be a valid dictionary", "dict_type"));
            return mapper.createObjectNode();
        }
        return value;
    }

    private static String text(ObjectNode json, String field, int max, boolean required, List<FieldError> errors) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                errors.add(FieldError.body(field, "Field required", "missing"));
            }
            return null;
        }
        if (!value.isTextual() || (required && value.asText().isBlank()) || value.asText().length() > max) {
            errors.add(FieldError.body(field, "Input should be a string of " + (required ? 1 : 0) + " to " + max + " characters", "string_type"));
            return null;
        }
        return value.asText();
    }
}
