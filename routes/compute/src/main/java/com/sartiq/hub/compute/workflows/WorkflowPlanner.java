package com.sartiq.hub.compute.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides one advance of a running workflow from its nodes (results of ended tasks already recorded):
 * which waiting steps are ready (every dependency completed) and go to the queue with their config
 * rendered ({@code {{ }}} templates, input mappings), which are skipped (their {@code when} is false or a
 * dependency was skipped by its condition: skip reason {@code condition}; a dependency failed:
 * {@code dependency}; fail_fast after any failure: {@code fail_fast}), which queued tasks are cancelled
 * (fail_fast), and whether the workflow has ended: completed when every node completed or was skipped by a
 * condition, failed otherwise.
 * <p>
 * A {@code for_each} step fans out when it becomes ready: one item node {@code <step>[<i>]} per element of
 * its list, each a task whose config may read {@code $item} and {@code $index}. The step stays queued until
 * every item has ended; it then completes with the output {@code {"items": [<output of item 0>, ...]}} (the
 * fan-in its dependants read), or fails when an item did not complete. An empty list completes it at once.
 */
final class WorkflowPlanner {

    static final String CONDITION = "condition";
    static final String DEPENDENCY = "dependency";
    static final String FAIL_FAST = "fail_fast";

    /** Builds the task insert parameters of a node from its rendered config; throws for invalid params. */
    @FunctionalInterface
    interface TaskRowFactory {
        Map<String, Object> row(String taskType, ObjectNode config, String idempotencyKey) throws Exception;
    }

    /**
     * A step, or an item of a for_each step ({@code parentId} its step, {@code item} the element it runs for).
     * Nodes come in topological order, each step's items right after it in index order.
     */
    record Node(String id, String taskType, String status, String skipReason, ObjectNode config, List<String> dependsOn,
                JsonNode inputMappings, String when, String forEach, String parentId, Integer itemIndex, JsonNode item,
                JsonNode output, String taskId, int runs) {

        /** A step that is not a fan-out. */
        static Node step(String id, String taskType, String status, String skipReason, ObjectNode config, List<String> dependsOn,
                         JsonNode inputMappings, String when, JsonNode output, String taskId, int runs) {
            return new Node(id, taskType, status, skipReason, config, dependsOn, inputMappings, when, null, null, null, null, output, taskId, runs);
        }
    }

    /** A for_each step starts: its new items (none when they exist from an earlier run or the list is empty) are inserted, it is queued. */
    record Expand(String stepId, List<Item> items) {
    }

    /** A new item node: {@code <step>[<index>]} running for {@code item}. */
    record Item(String nodeId, int itemIndex, JsonNode item) {
    }

    record Enqueue(String nodeId, Map<String, Object> taskRow) {
    }

    /** A node that ends without (more of) a task: skipped, failed before it could be enqueued, or a for_each step's end. */
    record End(String nodeId, String status, String skipReason, String errorMessage, JsonNode output) {

        End(String nodeId, String status, String skipReason, String errorMessage) {
            this(nodeId, status, skipReason, errorMessage, null);
        }
    }

    record Cancel(String nodeId, String taskId) {
    }

    /** @param finalStatus completed or failed once nothing waits or runs, else null */
    record Plan(List<Expand> expand, List<Enqueue> enqueue, List<End> end, List<Cancel> cancel, String finalStatus) {
    }

    private static final Set<String> ENDED = Set.of("completed", "failed", "skipped", "cancelled");

    /** Whether a node counts as done for the workflow to complete: completed, or skipped by a condition. */
    static boolean succeeded(String status, String skipReason) {
        return "completed".equals(status) || "skipped".equals(status) && CONDITION.equals(skipReason);
    }

    static Plan plan(String workflowId, boolean failFast, JsonNode inputs, List<Node> nodes, TaskRowFactory tasks) {
        return new WorkflowPlanner(workflowId, failFast, inputs, nodes, tasks).plan();
    }

    private final String workflowId;
    private final boolean failFast;
    private final List<Node> nodes;
    private final TaskRowFactory tasks;
    private final Map<String, String> status = new LinkedHashMap<>();
    private final Map<String, String> reason = new HashMap<>();
    private final Map<String, JsonNode> outputs = new HashMap<>();
    private final Map<String, List<Node>> items = new HashMap<>();
    private final Ref.Scope scope;
    private final List<Expand> expand = new ArrayList<>();
    private final List<Enqueue> enqueue = new ArrayList<>();
    private final List<End> end = new ArrayList<>();
    private final List<Cancel> cancel = new ArrayList<>();

    private WorkflowPlanner(String workflowId, boolean failFast, JsonNode inputs, List<Node> nodes, TaskRowFactory tasks) {
        this.workflowId = workflowId;
        this.failFast = failFast;
        this.nodes = nodes;
        this.tasks = tasks;
        for (Node node : nodes) {
            status.put(node.id(), node.status());
            reason.put(node.id(), node.skipReason());
            if (node.output() != null) {
                outputs.put(node.id(), node.output());
            }
            if (node.parentId() != null) {
                items.computeIfAbsent(node.parentId(), k -> new ArrayList<>()).add(node);
            }
        }
        this.scope = Ref.Scope.of(inputs, outputs);
    }

    private Plan plan() {
        // nodes are in topological order: one pass sees every dependency's fate before its dependants
        for (Node node : nodes) {
            if (node.parentId() != null) {
                continue;
            }
            if ("queued".equals(status.get(node.id())) && node.forEach() != null) {
                fanIn(node);
            }
            if (!"waiting".equals(status.get(node.id()))) {
                continue;
            }
            if (failFast && status.containsValue("failed")) {
                break;
            }
            String unsuccessful = node.dependsOn().stream()
                    .filter(d -> ENDED.contains(status.get(d)) && !succeeded(status.get(d), reason.get(d))).findFirst().orElse(null);
            String bypassed = node.dependsOn().stream().filter(d -> "skipped".equals(status.get(d))).findFirst().orElse(null);
            if (unsuccessful != null) {
                endStep(node, "skipped", DEPENDENCY, "a step it depends on did not complete");
            } else if (bypassed != null) {
                endStep(node, "skipped", CONDITION, "condition not met: step '" + bypassed + "' was skipped");
            } else if (node.dependsOn().stream().allMatch(d -> "completed".equals(status.get(d)))) {
                try {
                    if (node.when() != null && !Condition.parse(node.when()).test(scope)) {
                        endStep(node, "skipped", CONDITION, "condition not met: " + node.when());
                    } else if (node.forEach() != null) {
                        fanOut(node);
                    } else {
                        enqueue.add(new Enqueue(node.id(), taskRow(node, node, scope, key(node.id(), node.runs()))));
                        status.put(node.id(), "queued");
                    }
                } catch (Exception e) {
                    endStep(node, "failed", null, String.valueOf(e.getMessage()));
                }
            }
        }
        if (failFast && status.containsValue("failed")) {
            failFast();
        }
        String finalStatus = null;
        if (!status.containsValue("waiting") && !status.containsValue("queued")) {
            finalStatus = status.keySet().stream().allMatch(id -> succeeded(status.get(id), reason.get(id))) ? "completed" : "failed";
        }
        return new Plan(expand, enqueue, end, cancel, finalStatus);
    }

    /** A for_each step is ready: its items (new ones from its list, or those waiting again after a resume) go to the queue. */
    private void fanOut(Node step) {
        List<Node> stepItems = items.computeIfAbsent(step.id(), k -> new ArrayList<>());
        List<Item> created = new ArrayList<>();
        if (stepItems.isEmpty()) {
            JsonNode list = Ref.parse(step.forEach()).flatMap(r -> r.resolve(scope))
                    .orElseThrow(() -> new IllegalStateException("for_each " + step.forEach() + " resolved to nothing"));
            if (!list.isArray()) {
                throw new IllegalStateException("for_each " + step.forEach() + " is not a list");
            }
            for (int i = 0; i < list.size(); i++) {
                Node item = new Node(itemId(step.id(), i), step.taskType(), "waiting", null, step.config(), List.of(), step.inputMappings(),
                        null, null, step.id(), i, list.get(i), null, null, 0);
                stepItems.add(item);
                status.put(item.id(), "waiting");
                created.add(new Item(item.id(), i, list.get(i)));
            }
        }
        expand.add(new Expand(step.id(), created));
        status.put(step.id(), "queued");
        Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
        Map<String, String> failures = new LinkedHashMap<>();
        for (Node item : stepItems) {
            if ("waiting".equals(status.get(item.id()))) {
                try {
                    rows.put(item.id(), taskRow(step, item, scope.forItem(item.item(), item.itemIndex()),
                            key(step.id() + "-" + item.itemIndex(), item.runs())));
                } catch (Exception e) {
                    failures.put(item.id(), String.valueOf(e.getMessage()));
                }
            }
        }
        // under fail_fast an item that cannot even be rendered fails the step before any of its tasks is made
        if (failFast && !failures.isEmpty()) {
            rows.keySet().forEach(id -> endNode(id, "skipped", FAIL_FAST, "workflow failed (fail_fast)"));
        } else {
            rows.forEach((id, row) -> {
                enqueue.add(new Enqueue(id, row));
                status.put(id, "queued");
            });
        }
        failures.forEach((id, message) -> endNode(id, "failed", null, message));
        fanIn(step);
    }

    /** A queued for_each step whose items have all ended ends too: completed with their outputs, or not. */
    private void fanIn(Node step) {
        List<Node> stepItems = items.getOrDefault(step.id(), List.of());
        List<String> states = stepItems.stream().map(i -> status.get(i.id())).toList();
        if (states.contains("waiting") || states.contains("queued")) {
            return;
        }
        if (states.stream().allMatch("completed"::equals)) {
            ArrayNode outputs = JsonNodeFactory.instance.arrayNode();
            stepItems.forEach(i -> outputs.add(this.outputs.getOrDefault(i.id(), JsonNodeFactory.instance.nullNode())));
            ObjectNode output = JsonNodeFactory.instance.objectNode().set("items", outputs);
            this.outputs.put(step.id(), output);
            endNode(step.id(), "completed", null, null, output);
            return;
        }
        List<Integer> failed = stepItems.stream().filter(i -> "failed".equals(status.get(i.id()))).map(Node::itemIndex).toList();
        if (!failed.isEmpty()) {
            endNode(step.id(), "failed", null, "item" + (failed.size() > 1 ? "s " : " ") + failed.toString().replaceAll("[\\[\\]]", "")
                    + " of " + stepItems.size() + " failed", null);
        } else if (states.contains("cancelled")) {
            endNode(step.id(), "cancelled", null, "workflow failed (fail_fast)", null);
        } else {
            endNode(step.id(), "skipped", FAIL_FAST, "workflow failed (fail_fast)", null);
        }
    }

    /** Ends a step that will not run, and the items it has waiting from an earlier run. */
    private void endStep(Node step, String newStatus, String skipReason, String message) {
        endNode(step.id(), newStatus, skipReason, message);
        items.getOrDefault(step.id(), List.of()).stream().filter(i -> "waiting".equals(status.get(i.id())))
                .forEach(i -> endNode(i.id(), "skipped", "failed".equals(newStatus) ? DEPENDENCY : skipReason, message));
    }

    /** fail_fast after a failure: whatever waits is skipped, queued tasks are cancelled, and for_each steps end with their items. */
    private void failFast() {
        for (Node node : nodes) {
            String current = status.get(node.id());
            if ("waiting".equals(current)) {
                endNode(node.id(), "skipped", FAIL_FAST, "workflow failed (fail_fast)");
            } else if ("queued".equals(current) && node.taskId() != null) {
                status.put(node.id(), "cancelled");
                cancel.add(new Cancel(node.id(), node.taskId()));
            }
        }
        for (Node node : nodes) {
            if (node.forEach() != null && node.parentId() == null && "queued".equals(status.get(node.id()))) {
                fanIn(node);
            }
        }
    }

    private void endNode(String id, String newStatus, String skipReason, String message) {
        endNode(id, newStatus, skipReason, message, null);
    }

    private void endNode(String id, String newStatus, String skipReason, String message, JsonNode output) {
        status.put(id, newStatus);
        reason.put(id, skipReason);
        end.add(new End(id, newStatus, skipReason, message, output));
    }

    private String key(String suffix, int runs) {
        return "workflow-" + workflowId + "-" + suffix + (runs == 0 ? "" : "-run" + (runs + 1));
    }

    static String itemId(String stepId, int index) {
        return stepId + "[" + index + "]";
    }

    private Map<String, Object> taskRow(Node step, Node node, Ref.Scope scope, String key) throws Exception {
        ObjectNode config = InputMappings.apply((ObjectNode) StringTemplates.render(step.config(), scope), step.inputMappings(), scope);
        config.set("metadata", metadata(config.get("metadata"), node.id()));
        return tasks.row(step.taskType(), config, key);
    }

    private ObjectNode metadata(JsonNode given, String nodeId) {
        ObjectNode metadata = given != null && given.isObject() ? (ObjectNode) given.deepCopy() : JsonNodeFactory.instance.objectNode();
        return metadata.put("workflow_id", workflowId).put("workflow_node", nodeId);
    }
}
