package com.sartiq.hub.compute.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sartiq.hub.common.rest.FieldError;
import com.sartiq.hub.common.rest.JsonRequestReader;
import com.sartiq.hub.common.rest.RequestValidationException;
import com.sartiq.hub.compute.tasks.TaskRequestReader;
import com.sartiq.hub.compute.tasks.TaskType;
import org.apache.camel.Body;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reads {@code POST /api/v1/workflows/}: every step's id, type, params (checked as the tasks API checks
 * them, fields bound by input mappings excepted), dependencies and mappings, and the graph as a whole
 * (acyclic, by Kahn's algorithm). Answers every bad field at once; produces the parameters of
 * {@code workflow-insert.sql} with the nodes in topological order.
 */
public class WorkflowRequestReader {

    private static final Set<String> POLICIES = Set.of("fail_fast", "continue");

    private final JsonRequestReader reader;
    private final TaskRequestReader tasks;
    private final ObjectMapper mapper;

    public WorkflowRequestReader(JsonRequestReader reader, TaskRequestReader tasks, ObjectMapper mapper) {
        this.reader = reader;
        this.tasks = tasks;
        this.mapper = mapper;
    }

    public Map<String, Object> read(@Body String body) throws Exception {
        ObjectNode json = reader.readObject(body);
        List<FieldError> errors = new ArrayList<>();
        String name = text(json, "name", 255, true, List.of("body", "name"), errors);
        String description = text(json, "description", 4000, false, List.of("body", "description"), errors);
        String origin = text(json, "origin_instance", 255, false, List.of("body", "origin_instance"), errors);
        String policy = json.path("failure_policy").isMissingNode() || json.get("failure_policy").isNull()
                ? "fail_fast" : json.get("failure_policy").asText();
        if (!POLICIES.contains(policy)) {
            errors.add(FieldError.body("failure_policy", "Input should be 'fail_fast' or 'continue'", "enum"));
        }
        JsonNode inputs = json.path("inputs");
        if (inputs.isMissingNode() || inputs.isNull()) {
            inputs = mapper.createObjectNode();
        } else if (!inputs.isObject()) {
            errors.add(FieldError.body("inputs", "Input should be a valid dictionary", "dict_type"));
        }
        JsonNode start = json.path("start");
        if (!start.isMissingNode() && !start.isNull() && !start.isBoolean()) {
            errors.add(FieldError.body("start", "Input should be a valid boolean", "bool_type"));
        }
        JsonNode steps = json.path("steps");
        List<ObjectNode> nodes = new ArrayList<>();
        if (!steps.isArray() || steps.isEmpty()) {
            errors.add(FieldError.body("steps", "List should have at least 1 item", steps.isArray() ? "too_short" : "list_type"));
        } else {
            nodes = steps(steps, inputs, errors);
        }
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
        return row;
    }

    private List<ObjectNode> steps(JsonNode steps, JsonNode inputs, List<FieldError> errors) {
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            String id = steps.get(i).path("id").asText("");
            if (!steps.get(i).isObject() || !steps.get(i).path("id").isTextual() || id.isBlank() || id.length() > 64) {
                errors.add(new FieldError(List.of("body", "steps", i, "id"), "Step id should be a string of 1 to 64 characters", "string_type"));
            } else if (index.putIfAbsent(id, i) != null) {
                errors.add(new FieldError(List.of("body", "steps", i, "id"), "Duplicate step id '" + id + "'", "value_error"));
            }
        }
        Map<String, List<String>> graph = new LinkedHashMap<>();
        List<ObjectNode> nodes = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            JsonNode step = steps.get(i);
            String id = step.path("id").asText("");
            Set<String> dependsOn = new LinkedHashSet<>();
            JsonNode deps = step.path("depends_on");
            if (!deps.isMissingNode() && !deps.isNull() && !deps.isArray()) {
                errors.add(new FieldError(List.of("body", "steps", i, "depends_on"), "Input should be a valid list", "list_type"));
            }
            for (int d = 0; deps.isArray() && d < deps.size(); d++) {
                String dep = deps.get(d).asText();
                if (!index.containsKey(dep) || dep.equals(id)) {
                    errors.add(new FieldError(List.of("body", "steps", i, "depends_on", d),
                            "Step '" + id + "' depends on unknown step '" + dep + "'", "value_error"));
                } else {
                    dependsOn.add(dep);
                }
            }
            JsonNode mappings = step.path("input_mappings");
            if (mappings.isMissingNode() || mappings.isNull()) {
                mappings = mapper.createObjectNode();
            } else if (!mappings.isObject()) {
                errors.add(new FieldError(List.of("body", "steps", i, "input_mappings"), "Input should be a valid dictionary", "dict_type"));
                mappings = mapper.createObjectNode();
            }
            mappings.fields().forEachRemaining(m -> checkMapping(m.getKey(), m.getValue(), id, dependsOn, inputs, steps, errors));
            TaskType type = TaskType.parse(step.path("task_type").asText("")).orElse(null);
            if (type == null) {
                errors.add(new FieldError(List.of("body", "steps", i, "task_type"),
                        "Step '" + id + "': input should be " + Arrays.toString(TaskType.values()), "enum"));
            }
            JsonNode config = step.path("config");
            if (config.isMissingNode() || config.isNull()) {
                config = mapper.createObjectNode();
            } else if (!config.isObject()) {
                errors.add(new FieldError(List.of("body", "steps", i, "config"), "Input should be a valid dictionary", "dict_type"));
                config = mapper.createObjectNode();
            }
            if (type != null) {
                checkParams(type, (ObjectNode) config, mappings, i, errors);
            }
            graph.put(id, List.copyOf(dependsOn));
            ObjectNode node = mapper.createObjectNode();
            node.put("node_id", id);
            node.put("task_type", type == null ? null : type.name());
            node.set("config", config);
            node.set("depends_on", mapper.valueToTree(dependsOn));
            node.set("input_mappings", mappings);
            nodes.add(node);
        }
        if (!errors.isEmpty()) {
            return nodes;
        }
        List<String> order = topologicalOrder(graph);
        if (order.size() < graph.size()) {
            graph.keySet().stream().filter(id -> !order.contains(id)).forEach(id -> errors.add(new FieldError(
                    List.of("body", "steps", index.get(id), "depends_on"), "Step '" + id + "' is part of a dependency cycle", "value_error")));
            return nodes;
        }
        List<ObjectNode> sorted = new ArrayList<>();
        for (String id : order) {
            ObjectNode node = nodes.get(index.get(id));
            node.put("position", sorted.size());
            sorted.add(node);
        }
        return sorted;
    }

    private void checkMapping(String field, JsonNode value, String id, Set<String> dependsOn, JsonNode inputs, JsonNode steps,
                              List<FieldError> errors) {
        int i = indexOf(steps, id);
        List<Object> loc = List.of("body", "steps", i, "input_mappings", field);
        String mapping = value.asText("");
        if (!value.isTextual() || !InputMappings.wellFormed(mapping)) {
            errors.add(new FieldError(loc, "Step '" + id + "': a mapping reads '<step_id>.<output path>' or '$input.<field>'", "value_error"));
        } else if (InputMappings.INPUT.equals(InputMappings.source(mapping))) {
            if (InputMappings.resolve(mapping, inputs, Map.of()).isEmpty()) {
                errors.add(new FieldError(loc, "Step '" + id + "': workflow input '" + mapping.substring(7) + "' is not given", "value_error"));
            }
        } else if (!dependsOn.contains(InputMappings.source(mapping))) {
            errors.add(new FieldError(loc, "Step '" + id + "' maps from step '" + InputMappings.source(mapping)
                    + "', which is not among its depends_on", "value_error"));
        }
    }

    /** The task type's own validation, prefixed with the step's location; mapped fields are filled at run time. */
    private void checkParams(TaskType type, ObjectNode config, JsonNode mappings, int i, List<FieldError> errors) {
        ObjectNode unmapped = config.deepCopy();
        Set<String> mapped = new LinkedHashSet<>();
        mappings.fieldNames().forEachRemaining(mapped::add);
        unmapped.remove(mapped);
        try {
            tasks.readAs(unmapped.toString(), null, type);
        } catch (RequestValidationException e) {
            for (FieldError error : e.errors()) {
                List<Object> field = error.loc().size() > 1 ? error.loc().subList(1, error.loc().size()) : List.of();
                if (!field.isEmpty() && mapped.contains(String.valueOf(field.get(0)))) {
                    continue;
                }
                List<Object> loc = new ArrayList<>(List.of("body", "steps", i, "config"));
                loc.addAll(field);
                errors.add(new FieldError(loc, error.msg(), error.type()));
            }
        } catch (Exception e) {
            errors.add(new FieldError(List.of("body", "steps", i, "config"), String.valueOf(e.getMessage()), "value_error"));
        }
    }

    private static int indexOf(JsonNode steps, String id) {
        for (int i = 0; i < steps.size(); i++) {
            if (id.equals(steps.get(i).path("id").asText(null))) {
                return i;
            }
        }
        return -1;
    }

    /** Kahn's algorithm; a result shorter than the graph means the rest lie on a cycle. Ties keep the request's order. */
    static List<String> topologicalOrder(Map<String, List<String>> dependsOn) {
        Map<String, Integer> pending = new LinkedHashMap<>();
        Map<String, List<String>> dependants = new HashMap<>();
        dependsOn.forEach((id, deps) -> {
            pending.put(id, deps.size());
            deps.forEach(d -> dependants.computeIfAbsent(d, k -> new ArrayList<>()).add(id));
        });
        Deque<String> ready = new ArrayDeque<>();
        pending.forEach((id, count) -> {
            if (count == 0) {
                ready.add(id);
            }
        });
        List<String> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            String id = ready.poll();
            order.add(id);
            for (String next : dependants.getOrDefault(id, List.of())) {
                if (pending.merge(next, -1, Integer::sum) == 0) {
                    ready.add(next);
                }
            }
        }
        return order;
    }

    private static String text(ObjectNode json, String field, int max, boolean required, List<Object> loc, List<FieldError> errors) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                errors.add(new FieldError(loc, "Field required", "missing"));
            }
            return null;
        }
        if (!value.isTextual() || (required && value.asText().isBlank()) || value.asText().length() > max) {
            errors.add(new FieldError(loc, "Input should be a string of " + (required ? 1 : 0) + " to " + max + " characters", "string_type"));
            return null;
        }
        return value.asText();
    }
}
