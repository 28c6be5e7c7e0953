package com.sartiq.hub.compute.workflows;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** A workflow's progress, 0 to 100: the share of its nodes that have ended (completed, failed, skipped or cancelled). */
final class WorkflowProgress {

    static final Set<String> ENDED = Set.of("completed", "failed", "skipped", "cancelled");

    /** One node's place in the count. */
    record State(String id, String status) {
    }

    private WorkflowProgress() {
    }

    static List<State> states(List<Map<String, Object>> nodes) {
        return nodes.stream().map(n -> new State((String) n.get("node_id"), (String) n.get("status"))).toList();
    }

    static int of(List<State> nodes) {
        if (nodes.isEmpty()) {
            return 0;
        }
        long ended = nodes.stream().filter(n -> ENDED.contains(n.status())).count();
        return (int) (100 * ended / nodes.size());
    }
}
