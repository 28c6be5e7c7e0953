package com.sartiq.hub.compute.workflows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A workflow's progress, 0 to 100: each step counts one, in full once it has ended (completed, failed, skipped
 * or cancelled); a for_each step still running counts the share of its items that have ended. So progress
 * never goes back when a step fans out.
 */
final class WorkflowProgress {

    static final Set<String> ENDED = Set.of("completed", "failed", "skipped", "cancelled");

    /** One node's place in the count; {@code parentId} names the step of an item. */
    record State(String id, String parentId, String status) {

        State withStatus(String newStatus) {
            return new State(id, parentId, newStatus);
        }
    }

    private WorkflowProgress() {
    }

    static List<State> states(List<Map<String, Object>> nodes) {
        return nodes.stream().map(n -> new State((String) n.get("node_id"), (String) n.get("parent_id"), (String) n.get("status"))).toList();
    }

    static int of(List<State> nodes) {
        Map<String, int[]> items = new HashMap<>();
        nodes.stream().filter(n -> n.parentId() != null).forEach(n -> {
            int[] count = items.computeIfAbsent(n.parentId(), k -> new int[2]);
            count[0] += ENDED.contains(n.status()) ? 1 : 0;
            count[1]++;
        });
        List<State> steps = nodes.stream().filter(n -> n.parentId() == null).toList();
        if (steps.isEmpty()) {
            return 0;
        }
        double done = 0;
        for (State step : steps) {
            int[] count = items.get(step.id());
            if (ENDED.contains(step.status())) {
                done += 1;
            } else if (count != null) {
                done += (double) count[0] / count[1];
            }
        }
        return (int) Math.floor(100 * done / steps.size() + 1e-9);
    }
}
