package com.sartiq.hub.compute.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.sartiq.hub.common.sql.SqlValues.utc;

/**
 * A workflow as {@code GET /api/v1/workflows/{id}} shows it: its state, progress and each node's task,
 * attempts, timings and output. A skipped node says why in {@code skip_reason}: {@code condition} (its
 * {@code when} was false, or a step it depends on was skipped by its condition: not a failure),
 * {@code dependency} (a step it depends on failed), {@code fail_fast} or {@code cancelled}. A for_each step lists its
 * items under {@code items}, each with its index, element, status, task and output.
 */
final class WorkflowView {

    private WorkflowView() {
    }

    static ObjectNode of(Map<String, Object> workflow, List<Map<String, Object>> nodes, ObjectMapper mapper) throws Exception {
        ObjectNode view = mapper.createObjectNode();
        view.put("id", String.valueOf(workflow.get("id")));
        view.put("name", (String) workflow.get("name"));
        view.put("description", (String) workflow.get("description"));
        view.put("template", (String) workflow.get("template"));
        view.put("origin_instance", (String) workflow.get("origin_instance"));
        view.put("status", (String) workflow.get("status"));
        view.put("progress", WorkflowProgress.of(WorkflowProgress.states(nodes)));
        view.put("failure_policy", (String) workflow.get("failure_policy"));
        view.set("inputs", json(workflow.get("inputs"), mapper));
        view.put("webhook_url", (String) workflow.get("webhook_url"));
        view.set("metadata", json(workflow.get("metadata"), mapper));
        view.set("created_at", mapper.valueToTree(utc(workflow.get("created_at"))));
        view.set("started_at", mapper.valueToTree(utc(workflow.get("started_at"))));
        view.set("completed_at", mapper.valueToTree(utc(workflow.get("completed_at"))));
        view.set("paused_at", mapper.valueToTree(utc(workflow.get("paused_at"))));
        if (workflow.get("cleaned_at") == null) {
            view.putNull("cleanup");
        } else {
            JsonNode cleanup = json(workflow.get("cleanup"), mapper);
            ObjectNode record = view.putObject("cleanup");
            record.set("cleaned_at", mapper.valueToTree(utc(workflow.get("cleaned_at"))));
            record.put("deleted_count", cleanup.path("deleted").size());
            record.set("deleted", cleanup.path("deleted"));
            record.set("skipped", cleanup.path("skipped"));
        }
        Map<String, ArrayNode> items = new HashMap<>();
        var steps = view.putArray("steps");
        for (Map<String, Object> node : nodes) {
            String parent = (String) node.get("parent_id");
            ObjectNode step = parent == null ? steps.addObject() : items.get(parent).addObject();
            if (parent == null) {
                step.put("id", (String) node.get("node_id"));
                step.put("task_type", (String) node.get("task_type"));
            } else {
                step.put("index", ((Number) node.get("item_index")).intValue());
                step.put("id", (String) node.get("node_id"));
                step.set("item", json(node.get("item"), mapper));
            }
            step.put("status", (String) node.get("status"));
            step.put("skip_reason", (String) node.get("skip_reason"));
            step.put("task_id", (String) node.get("task_id_text"));
            step.put("task_status", (String) node.get("task_status"));
            step.put("progress", node.get("task_progress") == null ? 0 : ((Number) node.get("task_progress")).intValue());
            step.put("runs", ((Number) node.get("runs")).intValue());
            step.put("attempts", node.get("task_attempt") == null ? 0 : ((Number) node.get("task_attempt")).intValue());
            if (parent == null) {
                step.set("depends_on", json(node.get("depends_on"), mapper));
                step.put("when", (String) node.get("condition"));
                step.put("for_each", (String) node.get("for_each"));
                step.set("input_mappings", json(node.get("input_mappings"), mapper));
                step.set("config", json(node.get("config"), mapper));
            }
            step.set("output", json(node.get("output"), mapper));
            step.put("error_message", (String) node.get("error_message"));
            step.set("started_at", mapper.valueToTree(utc(node.get("started_at"))));
            step.set("completed_at", mapper.valueToTree(utc(node.get("completed_at"))));
            if (parent == null && node.get("for_each") != null) {
                items.put((String) node.get("node_id"), step.putArray("items"));
            }
        }
        return view;
    }

    static JsonNode json(Object value, ObjectMapper mapper) throws Exception {
        return value == null ? mapper.nullNode() : mapper.readTree(value.toString());
    }
}
