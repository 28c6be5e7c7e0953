package com.sartiq.hub.compute.workflows;

import com.fasterxml.jackson.databind.JsonNode;
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
 * which waiting nodes are ready (every dependency completed) and go to the queue with their config
 * rendered ({@code {{ }}} templates, input mappings), which are skipped (their {@code when} is false or a
 * dependency was skipped by its condition: skip reason {@code condition}; a dependency failed:
 * {@code dependency}; fail_fast after any failure: {@code fail_fast}), which queued tasks are cancelled
 * (fail_fast), and whether the workflow has ended: completed when every node completed or was skipped by a
 * condition, failed otherwise.
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

    record Node(String id, String taskType, String status, String skipReason, ObjectNode config, List<String> dependsOn,
                JsonNode inputMappings, String when, JsonNode output, String taskId, int runs) {
    }

    record Enqueue(String nodeId, Map<String, Object> taskRow) {
    }

    /** A node that ends without (more of) a task: skipped, or failed before it could be enqueued. */
    record End(String nodeId, String status, String skipReason, String errorMessage) {
    }

    record Cancel(String nodeId, String taskId) {
    }

    /** @param finalStatus completed or failed once nothing waits or runs, else null */
    record Plan(List<Enqueue> enqueue, List<End> end, List<Cancel> cancel, String finalStatus) {
    }

    private static final Set<String> ENDED = Set.of("completed", "failed", "skipped", "cancelled");

    private WorkflowPlanner() {
    }

    /** Whether a node counts as done for the workflow to complete: completed, or skipped by a condition. */
    static boolean succeeded(String status, String skipReason) {
        return "completed".equals(status) || "skipped".equals(status) && CONDITION.equals(skipReason);
    }

    static Plan plan(String workflowId, boolean failFast, JsonNode inputs, List<Node> nodes, TaskRowFactory tasks) {
        Map<String, String> status = new LinkedHashMap<>();
        Map<String, String> reason = new HashMap<>();
        Map<String, JsonNode> outputs = new HashMap<>();
        for (Node node : nodes) {
            status.put(node.id(), node.status());
            reason.put(node.id(), node.skipReason());
            if (node.output() != null) {
                outputs.put(node.id(), node.output());
            }
        }
        Ref.Scope scope = Ref.Scope.of(inputs, outputs);
        List<Enqueue> enqueue = new ArrayList<>();
        List<End> end = new ArrayList<>();
        // nodes are in topological order: one pass sees every dependency's fate before its dependants
        for (Node node : nodes) {
            if (!"waiting".equals(status.get(node.id()))) {
                continue;
            }
            if (failFast && status.containsValue("failed")) {
                break;
            }
            String unsuccessful = node.dependsOn().stream()
                    .filter(d -> ENDED.contains(status.get(d)) && !succeeded(status.get(d), reason.get(d))).findFirst().orElse(null);
            String bypassed = node.dependsOn().stream().filter(d -> "skipped".equals(status.get(d))).findFirst().orElse(null);
            End ended = null;
            if (unsuccessful != null) {
                ended = new End(node.id(), "skipped", DEPENDENCY, "a step it depends on did not complete");
            } else if (bypassed != null) {
                ended = new End(node.id(), "skipped", CONDITION, "condition not met: step '" + bypassed + "' was skipped");
            } else if (node.dependsOn().stream().allMatch(d -> "completed".equals(status.get(d)))) {
                try {
                    if (node.when() != null && !Condition.parse(node.when()).test(scope)) {
                        ended = new End(node.id(), "skipped", CONDITION, "condition not met: " + node.when());
                    } else {
                        enqueue.add(new Enqueue(node.id(), taskRow(workflowId, node, scope, tasks)));
                        status.put(node.id(), "queued");
                    }
                } catch (Exception e) {
                    ended = new End(node.id(), "failed", null, String.valueOf(e.getMessage()));
                }
            }
            if (ended != null) {
                status.put(node.id(), ended.status());
                reason.put(node.id(), ended.skipReason());
                end.add(ended);
            }
        }
        List<Cancel> cancel = new ArrayList<>();
        if (failFast && status.containsValue("failed")) {
            for (Node node : nodes) {
                String current = status.get(node.id());
                if ("waiting".equals(current)) {
                    status.put(node.id(), "skipped");
                    reason.put(node.id(), FAIL_FAST);
                    end.add(new End(node.id(), "skipped", FAIL_FAST, "workflow failed (fail_fast)"));
                } else if ("queued".equals(current) && node.taskId() != null) {
                    status.put(node.id(), "cancelled");
                    cancel.add(new Cancel(node.id(), node.taskId()));
                }
            }
        }
        String finalStatus = null;
        if (!status.containsValue("waiting") && !status.containsValue("queued")) {
            finalStatus = status.keySet().stream().allMatch(id -> succeeded(status.get(id), reason.get(id))) ? "completed" : "failed";
        }
        return new Plan(enqueue, end, cancel, finalStatus);
    }

    private static Map<String, Object> taskRow(String workflowId, Node node, Ref.Scope scope, TaskRowFactory tasks) throws Exception {
        ObjectNode config = InputMappings.apply((ObjectNode) StringTemplates.render(node.config(), scope), node.inputMappings(), scope);
        config.set("metadata", metadata(config.get("metadata"), workflowId, node.id()));
        String key = "workflow-" + workflowId + "-" + node.id() + (node.runs() == 0 ? "" : "-run" + (node.runs() + 1));
        return tasks.row(node.taskType(), config, key);
    }

    private static ObjectNode metadata(JsonNode given, String workflowId, String nodeId) {
        ObjectNode metadata = given != null && given.isObject() ? (ObjectNode) given.deepCopy() : JsonNodeFactory.instance.objectNode();
        return metadata.put("workflow_id", workflowId).put("workflow_node", nodeId);
    }
}
