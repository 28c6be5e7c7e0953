package com.sartiq.hub.compute.workflows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The events of one change of a workflow, from its state before (taken when its row was locked) and after:
 * one {@code workflow_status_update} per node that ended (with {@code node}), and one for the workflow's
 * status change, which is the last event and carries the whole workflow view when the status is terminal.
 * Progress is counted after each of them, so it only grows along the sequence.
 */
final class WorkflowEvents {

    static final Set<String> TERMINAL = Set.of("completed", "failed", "cancelled");

    /**
     * What a workflow looked like before a change.
     *
     * @param status null for a workflow being created
     */
    record Snapshot(String status, Map<String, String> nodes) {

        static final Snapshot NEW = new Snapshot(null, Map.of());

        static Snapshot of(String status, List<Map<String, Object>> nodes) {
            Map<String, String> statuses = new LinkedHashMap<>();
            nodes.forEach(n -> statuses.put((String) n.get("node_id"), (String) n.get("status")));
            return new Snapshot(status, statuses);
        }
    }

    /** The events to store (sequence numbers already given), the workflow's new last sequence and progress. */
    record Announcement(ArrayNode events, int eventSeq, int progress) {
    }

    private WorkflowEvents() {
    }

    static Announcement announce(Snapshot before, Map<String, Object> workflow, List<Map<String, Object>> nodes, ObjectMapper mapper)
            throws Exception {
        String status = (String) workflow.get("status");
        int seq = ((Number) workflow.get("event_seq")).intValue();
        List<WorkflowProgress.State> after = WorkflowProgress.states(nodes);
        // progress before this change: the nodes that ended in it still count as they were
        List<WorkflowProgress.State> counted = new ArrayList<>();
        List<Integer> ended = new ArrayList<>();
        for (int i = 0; i < after.size(); i++) {
            WorkflowProgress.State node = after.get(i);
            String was = before.nodes().getOrDefault(node.id(), "waiting");
            boolean ends = !was.equals(node.status()) && WorkflowProgress.ENDED.contains(node.status());
            counted.add(ends ? node.withStatus(was) : node);
            if (ends) {
                ended.add(i);
            }
        }
        boolean statusChanged = !status.equals(before.status());
        boolean terminal = TERMINAL.contains(status);
        String nodeEventStatus = terminal && before.status() != null ? before.status() : status;
        ArrayNode events = mapper.createArrayNode();
        if (statusChanged && !terminal) {
            events.add(event(workflow, status, ++seq, WorkflowProgress.of(counted), mapper));
        }
        for (int i : ended) {
            counted.set(i, after.get(i));
            ObjectNode event = event(workflow, nodeEventStatus, ++seq, WorkflowProgress.of(counted), mapper);
            event.putObject("node").put("id", after.get(i).id()).put("status", after.get(i).status());
            events.add(event);
        }
        int progress = WorkflowProgress.of(after);
        if (statusChanged && terminal) {
            ObjectNode event = event(workflow, status, ++seq, progress, mapper);
            event.set("workflow", WorkflowView.of(workflow, nodes, mapper));
            events.add(event);
        }
        return new Announcement(events, seq, progress);
    }

    private static ObjectNode event(Map<String, Object> workflow, String status, int seq, int progress, ObjectMapper mapper) throws Exception {
        ObjectNode event = mapper.createObjectNode();
        event.put("event_type", "workflow_status_update");
        event.put("workflow_id", String.valueOf(workflow.get("id")));
        event.put("name", (String) workflow.get("name"));
        event.put("template", (String) workflow.get("template"));
        event.put("status", status);
        event.put("progress", progress);
        event.put("sequence", seq);
        event.put("origin_instance", (String) workflow.get("origin_instance"));
        event.put("timestamp", OffsetDateTime.now(ZoneOffset.UTC).toString());
        event.set("metadata", WorkflowView.json(workflow.get("metadata"), mapper));
        return event;
    }
}
