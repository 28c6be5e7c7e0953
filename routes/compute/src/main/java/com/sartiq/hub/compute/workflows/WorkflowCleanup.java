package com.sartiq.hub.compute.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code POST /workflows/{id}/cleanup} deletes: the stored files of intermediate steps (steps other steps
 * depend on, with their for_each items), never those of the leaf steps, which are the workflow's results (a file
 * both produced is kept). A file is any http(s) URL in a step's output; one under our storage's public base URL
 * ({@code hub.storage.cdn-base-url}) is deleted by its key, any other is left alone and listed as skipped.
 */
final class WorkflowCleanup {

    /** @param deleted object keys in our bucket; @param skipped URLs outside it */
    record Plan(List<String> deleted, List<String> skipped) {
    }

    private WorkflowCleanup() {
    }

    static Plan plan(List<Map<String, Object>> nodes, String publicBaseUrl, ObjectMapper mapper) throws Exception {
        Set<String> intermediate = new HashSet<>();
        for (Map<String, Object> node : nodes) {
            WorkflowView.json(node.get("depends_on"), mapper).forEach(d -> intermediate.add(d.asText()));
        }
        Set<String> temporary = new LinkedHashSet<>();
        Set<String> results = new HashSet<>();
        for (Map<String, Object> node : nodes) {
            String step = node.get("parent_id") == null ? (String) node.get("node_id") : (String) node.get("parent_id");
            urls(WorkflowView.json(node.get("output"), mapper), intermediate.contains(step) ? temporary : results);
        }
        String base = publicBaseUrl == null || publicBaseUrl.isBlank() ? null : publicBaseUrl.replaceAll("/+$", "") + "/";
        Set<String> deleted = new LinkedHashSet<>();
        List<String> skipped = new ArrayList<>();
        for (String url : temporary) {
            if (results.contains(url)) {
                continue;
            }
            if (base != null && url.startsWith(base) && url.length() > base.length()) {
                deleted.add(url.substring(base.length()).replaceAll("[?#].*$", ""));
            } else {
                skipped.add(url);
            }
        }
        return new Plan(List.copyOf(deleted), skipped);
    }

    private static void urls(JsonNode value, Set<String> into) {
        if (value.isTextual() && value.asText().matches("https?://\\S+")) {
            into.add(value.asText());
        } else if (value.isContainerNode()) {
            value.forEach(child -> urls(child, into));
        }
    }
}
