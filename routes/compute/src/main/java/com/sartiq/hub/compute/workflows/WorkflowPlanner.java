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
 * which waiting nodes are ready (every dependency completed) and go to the queue with their inputs
 * resolved, which are skipped (a dependency failed, or fail_fast after any failure), which queued tasks
 * are cancelled (fail_fast), and whether the workflow has ended.
 */
final class WorkflowPlanner {

    /** Builds the task insert parameters of a node from its resolved config; throws for invalid params. */
    @FunctionalInterface
    interface TaskRowFactory {
        Map<String, Object> row(String taskType, ObjectNode config, String idempotencyKey) throws Exception;
    }

    record Node(String id, String taskType, String status, ObjectNode config, List<String> dependsOn, JsonNode inputMappings,
                JsonNode output, String taskId, int runs) {
    }

    record Enqueue(String nodeId, Map<String, Object> taskRow) {
    }

    record End(String nodeId, String status, String errorMessage) {
    }

    record Cancel(String nodeId, String taskId) {
    }

    /** @param finalStatus completed or failed once nothing waits or runs, else null */
    record Plan(List<Enqueue> enqueue, List<End> end, List<Cancel> cancel, String finalStatus) {
    }

    private static final Set<String> UNSUCCESSFUL = Set.of("failed", "skipped", "cancelled");

    private WorkflowPlanner() {
    }

    static Plan plan(String workflowId, boolean failFast, JsonNode inputs, List<Node> nodes, TaskRowFactory tasks) {
        Map<String, String> status = new LinkedHashMap<>();
        Map<String, JsonNode> outputs = new HashMap<>();
        for (Node node : nodes) {
            status.put(node.id(), node.status());
            if (node.output() != null) {
                outputs.put(node.id(), node.output());
            }
        }
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
            if (node.dependsOn().stream().map(status::get).anyMatch(UNSUCCESSFUL::contains)) {
                status.put(node.id(), "skipped");
                end.add(new End(node.id(), "skipped", "a step it depends on did not complete"));
            } else if (node.dependsOn().stream().allMatch(d -> "completed".equals(status.get(d)))) {
                try {
                    ObjectNode config = InputMappings.apply(node.config(), node.inputMappings(), inputs, outputs);
                    config.set("metadata", metadata(config.get("metadata"), workflowId, node.id()));
                    String key = "workflow-" + workflowId + "-" + node.id() + (node.runs() == 0 ? "" : "-run" + (node.runs() + 1));
                    enqueue.add(new Enqueue(node.id(), tasks.row(node.taskType(), config, key)));
                    status.put(node.id(), "queued");
                } catch (Exception e) {
                    status.put(node.id(), "failed");
                    end.add(new End(node.id(), "failed", String.valueOf(e.getMessage())));
                }
            }
        }
        List<Cancel> cancel = new ArrayList<>();
        if (failFast && status.containsValue("failed")) {
            for (Node node : nodes) {
                String current = status.get(node.id());
                if ("waiting".equals(current)) {
                    status.put(node.id(), "skipped");
                    end.add(new End(node.id(), "skipped", "workflow failed (fail_fast)"));
                } else if ("queued".equals(current) && node.taskId() != null) {
                    status.put(node.id(), "cancelled");
                    cancel.add(new Cancel(node.id(), node.taskId()));
                }
            }
        }
        String finalStatus = null;
        if (!status.containsValue("waiting") && !status.containsValue("queued")) {
            finalStatus = status.values().stream().allMatch("completed"::equals) ? "completed" : "failed";
        }
        return new Plan(enqueue, end, cancel, finalStatus);
    }

    private static ObjectNode metadata(JsonNode given, String workflowId, String nodeId) {
        ObjectNode metadata = given != null && given.isObject() ? (ObjectNode) given.deepCopy() : JsonNodeFactory.instance.objectNode();
        return metadata.put("workflow_id", workflowId).put("workflow_node", nodeId);
    }
}
