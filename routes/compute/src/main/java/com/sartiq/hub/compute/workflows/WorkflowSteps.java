package com.sartiq.hub.compute.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sartiq.hub.common.rest.FieldError;
import com.sartiq.hub.common.rest.RequestValidationException;
import com.sartiq.hub.compute.tasks.TaskRequestReader;
import com.sartiq.hub.compute.tasks.TaskType;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a workflow's {@code steps} (of a request or of a named template) and turns them into node rows in
 * topological order: ids, types, params (as the tasks API checks them; fields filled at run time from a step
 * output are exempt, fields filled from known inputs are checked with their values), dependencies (acyclic, by
 * Kahn's algorithm), and every reference in {@code input_mappings}, {@code {{ }}} templates, {@code when} and
 * {@code for_each} (to a given input or a step the step depends on, directly or through others; {@code $item} and
 * {@code $index} in the config and mappings of a for_each step only). Every bad field is reported,
 * {@code loc} = {@code ["body","steps",<index>,<field>…]}, the message naming the step.
 */
final class WorkflowSteps {

    static final Set<String> FIELDS = Set.of("id", "task_type", "config", "depends_on", "input_mappings", "when", "for_each");

    /** Step ids the task keys of another step (item {@code <id>-<n>}, resumed run {@code <id>-run<n>}) could take. */
    private static final Pattern DERIVED_ID = Pattern.compile("(.+)-(run)?\\d+");

    /**
     * The workflow inputs the steps may read.
     *
     * @param values  inputs with their values (a request's inputs; a template's defaults)
     * @param unknown inputs that will be given but whose values are not known yet (a template's required inputs)
     */
    record Inputs(JsonNode values, Set<String> unknown) {
    }

    private final TaskRequestReader tasks;
    private final ObjectMapper mapper;

    WorkflowSteps(TaskRequestReader tasks, ObjectMapper mapper) {
        this.tasks = tasks;
        this.mapper = mapper;
    }

    /** The node rows of {@code workflow-insert.sql}, sorted; the errors are added to {@code errors}. */
    List<ObjectNode> read(JsonNode steps, Inputs inputs, List<FieldError> errors) {
        if (!steps.isArray() || steps.isEmpty()) {
            errors.add(FieldError.body("steps", "List should have at least 1 item", steps.isArray() ? "too_short" : "list_type"));
            return List.of();
        }
        Map<String, Integer> index = ids(steps, errors);
        Map<String, List<String>> graph = new LinkedHashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            graph.put(steps.get(i).path("id").asText(""), dependsOn(steps.get(i), i, index, errors));
        }
        List<ObjectNode> nodes = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            nodes.add(node(steps.get(i), i, graph, inputs, errors));
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

    private static Map<String, Integer> ids(JsonNode steps, List<FieldError> errors) {
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            JsonNode step = steps.get(i);
            String id = step.path("id").asText("");
            if (!step.isObject() || !step.path("id").isTextual() || !Ref.STEP_ID.matcher(id).matches()) {
                errors.add(new FieldError(List.of("body", "steps", i, "id"),
                        "Step id should be 1 to 64 letters, digits, '_' or '-', starting with a letter or '_'", "string_pattern_mismatch"));
            } else if (index.putIfAbsent(id, i) != null) {
                errors.add(new FieldError(List.of("body", "steps", i, "id"), "Duplicate step id '" + id + "'", "value_error"));
            }
        }
        index.forEach((id, i) -> {
            Matcher derived = DERIVED_ID.matcher(id);
            if (derived.matches() && index.containsKey(derived.group(1))) {
                errors.add(new FieldError(List.of("body", "steps", i, "id"), "Step id '" + id + "' would share task idempotency keys with step '"
                        + derived.group(1) + "'", "value_error"));
            }
        });
        return index;
    }

    private static List<String> dependsOn(JsonNode step, int i, Map<String, Integer> index, List<FieldError> errors) {
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
        return List.copyOf(dependsOn);
    }

    private ObjectNode node(JsonNode step, int i, Map<String, List<String>> graph, Inputs inputs, List<FieldError> errors) {
        String id = step.path("id").asText("");
        step.fieldNames().forEachRemaining(field -> {
            if (!FIELDS.contains(field)) {
                errors.add(new FieldError(List.of("body", "steps", i, field), "Step '" + id + "': unknown field '" + field + "' (a step has "
                        + FIELDS.stream().sorted().toList() + ")", "extra_forbidden"));
            }
        });
        Set<String> ancestors = ancestors(id, graph);
        String forEach = forEach(step, i, id, ancestors, inputs, errors);
        Consumer<RefCheck> check = c -> checkRef(c, id, ancestors, inputs, forEach != null, errors);
        JsonNode mappings = object(step, "input_mappings", i, errors);
        mappings.fields().forEachRemaining(m -> {
            List<Object> loc = List.of("body", "steps", i, "input_mappings", m.getKey());
            if (!m.getValue().isTextual() || Ref.parse(m.getValue().asText()).isEmpty()) {
                errors.add(new FieldError(loc, "Step '" + id + "': a mapping reads '<step_id>.<output path>' or '$input.<field>'", "value_error"));
            } else {
                check.accept(new RefCheck(Ref.parse(m.getValue().asText()).get(), loc, "input mapping"));
            }
        });
        JsonNode config = object(step, "config", i, errors);
        config.fields().forEachRemaining(f -> StringTemplates.refs(f.getValue()).forEach(text -> {
            List<Object> loc = List.of("body", "steps", i, "config", f.getKey());
            Ref.parse(text).ifPresentOrElse(ref -> check.accept(new RefCheck(ref, loc, "template")), () -> errors.add(new FieldError(loc,
                    "Step '" + id + "': template {{ " + text + " }} should read '<step_id>.<output path>' or '$input.<field>'", "value_error")));
        }));
        String when = null;
        JsonNode whenNode = step.path("when");
        if (!whenNode.isMissingNode() && !whenNode.isNull()) {
            List<Object> loc = List.of("body", "steps", i, "when");
            try {
                if (!whenNode.isTextual()) {
                    throw new IllegalArgumentException("Input should be a valid string");
                }
                when = whenNode.asText();
                Condition.parse(when).refs().forEach(ref -> checkRef(new RefCheck(ref, loc, "condition"), id, ancestors, inputs, false, errors));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(loc, "Step '" + id + "': " + e.getMessage(), "value_error"));
            }
        }
        TaskType type = TaskType.parse(step.path("task_type").asText("")).orElse(null);
        if (type == null) {
            errors.add(new FieldError(List.of("body", "steps", i, "task_type"),
                    "Step '" + id + "': input should be " + Arrays.toString(TaskType.values()), "enum"));
        } else {
            checkParams(type, (ObjectNode) config, mappings, inputs, i, errors);
        }
        ObjectNode node = mapper.createObjectNode();
        node.put("node_id", id);
        node.put("task_type", type == null ? null : type.name());
        node.set("config", config);
        node.set("depends_on", mapper.valueToTree(graph.getOrDefault(id, List.of())));
        node.set("input_mappings", mappings);
        node.put("condition", when);
        node.put("for_each", forEach);
        return node;
    }

    /** A for_each reference: to a list among the inputs (checked now when given) or in an upstream output (checked when it runs). */
    private static String forEach(JsonNode step, int i, String id, Set<String> ancestors, Inputs inputs, List<FieldError> errors) {
        JsonNode value = step.path("for_each");
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        List<Object> loc = List.of("body", "steps", i, "for_each");
        Optional<Ref> ref = value.isTextual() ? Ref.parse(value.asText()) : Optional.empty();
        if (ref.isEmpty() || ref.get().perItem()) {
            errors.add(new FieldError(loc, "Step '" + id + "': for_each reads a list: '<step_id>.<output path>' or '$input.<field>'", "value_error"));
            return null;
        }
        checkRef(new RefCheck(ref.get(), loc, "for_each"), id, ancestors, inputs, false, errors);
        Optional<JsonNode> list = ref.get().input() ? ref.get().resolve(Ref.Scope.of(inputs.values(), Map.of())) : Optional.empty();
        if (list.isPresent() && !list.get().isArray()) {
            errors.add(new FieldError(loc, "Step '" + id + "': for_each " + ref.get() + " is not a list", "list_type"));
        }
        return value.asText();
    }

    private record RefCheck(Ref ref, List<Object> loc, String what) {
    }

    private static void checkRef(RefCheck c, String id, Set<String> ancestors, Inputs inputs, boolean perItem, List<FieldError> errors) {
        Ref ref = c.ref();
        String problem = null;
        if (ref.input()) {
            if (ref.resolve(Ref.Scope.of(inputs.values(), Map.of())).isEmpty() && !inputs.unknown().contains(ref.path().get(0))) {
                problem = "workflow input '" + String.join(".", ref.path()) + "' is not given";
            }
        } else if (ref.perItem()) {
            if (!perItem) {
                problem = ref.source() + " is only known in the config and input_mappings of a for_each step";
            }
        } else if (!ancestors.contains(ref.source())) {
            problem = c.what() + " " + ref + " reads step '" + ref.source() + "', which it does not depend on";
        }
        if (problem != null) {
            errors.add(new FieldError(c.loc(), "Step '" + id + "': " + problem, "value_error"));
        }
    }

    private JsonNode object(JsonNode step, String field, int i, List<FieldError> errors) {
        JsonNode value = step.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return mapper.createObjectNode();
        }
        if (!value.isObject()) {
            errors.add(new FieldError(List.of("body", "steps", i, field), "Input should be a valid dictionary", "dict_type"));
            return mapper.createObjectNode();
        }
        return value;
    }

    /**
     * The task type's own validation, prefixed with the step's location. A field set by a mapping or template is
     * checked with its value when that comes from known inputs only; a field waiting for a step output is exempt.
     */
    private void checkParams(TaskType type, ObjectNode config, JsonNode mappings, Inputs inputs, int i, List<FieldError> errors) {
        Ref.Scope known = Ref.Scope.of(inputs.values(), Map.of());
        ObjectNode params = mapper.createObjectNode();
        Set<String> exempt = new HashSet<>();
        config.fields().forEachRemaining(f -> {
            try {
                params.set(f.getKey(), StringTemplates.render(f.getValue(), known));
            } catch (IllegalStateException e) {
                exempt.add(f.getKey());
            }
        });
        mappings.fields().forEachRemaining(m -> {
            Optional<JsonNode> value = Ref.parse(m.getValue().asText()).flatMap(r -> r.input() ? r.resolve(known) : Optional.empty());
            value.ifPresentOrElse(v -> params.set(m.getKey(), v), () -> {
                exempt.add(m.getKey());
                params.remove(m.getKey());
            });
        });
        try {
            tasks.readAs(params.toString(), null, type);
        } catch (RequestValidationException e) {
            for (FieldError error : e.errors()) {
                List<Object> field = error.loc().size() > 1 ? error.loc().subList(1, error.loc().size()) : List.of();
                if (!field.isEmpty() && exempt.contains(String.valueOf(field.get(0)))) {
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

    /** The steps {@code id} depends on directly or through others (cycles tolerated: they are reported elsewhere). */
    static Set<String> ancestors(String id, Map<String, List<String>> graph) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(graph.getOrDefault(id, List.of()));
        while (!todo.isEmpty()) {
            String next = todo.poll();
            if (seen.add(next)) {
                todo.addAll(graph.getOrDefault(next, List.of()));
            }
        }
        return seen;
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
}
