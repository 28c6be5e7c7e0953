package com.sartiq.hub.compute.workflows;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WorkflowCleanupTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String CDN = "https://cdn.sartiq.test/";

    @Test
    void intermediateFilesInOurBucketAreDeletedOthersSkippedResultsKept() throws Exception {
        List<Map<String, Object>> nodes = new ArrayList<>();
        nodes.add(node("generate", null, "[]", "{\"images\":[{\"url\":\"https://cdn.sartiq.test/tasks/g/0.png\",\"width\":256}]}"));
        nodes.add(node("shots", null, "[\"generate\"]", "{\"items\":[{\"images\":[{\"url\":\"https://cdn.sartiq.test/tasks/s0/0.png?v=1\"}]}]}"));
        nodes.add(node("shots[0]", "shots", "[]", "{\"images\":[{\"url\":\"https://cdn.sartiq.test/tasks/s0/0.png?v=1\"}]}"));
        nodes.add(node("link", null, "[]", "{\"json\":{\"answer\":\"https://elsewhere.example/look.png\"},\"text\":\"see https://x\"}"));
        nodes.add(node("pick", null, "[\"shots\",\"link\"]", "{\"images\":[{\"url\":\"https://cdn.sartiq.test/tasks/p/0.png\"}]}"));
        // a result that passes an intermediate file on keeps it
        nodes.add(node("echo", null, "[\"generate\"]", "{\"images\":[{\"url\":\"https://cdn.sartiq.test/tasks/g/0.png\"}]}"));
        nodes.add(node("never", null, "[\"pick\"]", null));
        WorkflowCleanup.Plan plan = WorkflowCleanup.plan(nodes, CDN, MAPPER);
        assertEquals(List.of("tasks/s0/0.png", "tasks/p/0.png"), plan.deleted());
        assertEquals(List.of("https://elsewhere.example/look.png"), plan.skipped());
    }

    @Test
    void withoutAPublicBaseUrlNothingIsOurs() throws Exception {
        WorkflowCleanup.Plan plan = WorkflowCleanup.plan(List.of(node("a", null, "[]", "{\"images\":[{\"url\":\"https://cdn.sartiq.test/k.png\"}]}"),
                node("b", null, "[\"a\"]", null)), "", MAPPER);
        assertEquals(List.of(), plan.deleted());
        assertEquals(List.of("https://cdn.sartiq.test/k.png"), plan.skipped());
    }

    private static Map<String, Object> node(String id, String parent, String dependsOn, String output) {
        Map<String, Object> node = new HashMap<>();
        node.put("node_id", id);
        node.put("parent_id", parent);
        node.put("depends_on", parent == null ? dependsOn : null);
        node.put("output", output);
        return node;
    }
}
