package com.sartiq.hub.compute.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkflowEventsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void eachEndedNodeThenTheTerminalStatusWithTheWholeView() throws Exception {
        WorkflowEvents.Snapshot before = new WorkflowEvents.Snapshot("running",
                Map.of("a", "completed", "b", "queued", "c", "waiting", "d", "waiting"));
        WorkflowEvents.Announcement announced = WorkflowEvents.announce(before, workflow("completed", 4),
                nodes("a", "completed", "b", "completed", "c", "skipped", "d", "completed"), MAPPER);
        List<String> summary = new ArrayList<>();
        announced.events().forEach(e -> summary.add(e.get("sequence").asInt() + ":" + e.get("status").asText() + ":" + e.get("progress").asInt()
                + ":" + e.path("node").path("id").asText("-")));
        assertEquals(List.of("5:running:50:b", "6:running:75:c", "7:running:100:d", "8:completed:100:-"), summary);
        JsonNode last = announced.events().get(3);
        assertEquals("workflow_status_update", last.get("event_type").asText());
        assertEquals("w1", last.get("workflow_id").asText());
        assertEquals("L1", last.at("/metadata/look").asText());
        assertEquals(4, last.at("/workflow/steps").size(), "the terminal event carries the workflow view");
        assertFalse(announced.events().get(0).has("workflow"));
        assertEquals(8, announced.eventSeq());
        assertEquals(100, announced.progress());
    }

    @Test
    void aNewNonTerminalStatusComesFirstAndNothingChangedSaysNothing() throws Exception {
        WorkflowEvents.Announcement created = WorkflowEvents.announce(WorkflowEvents.Snapshot.NEW, workflow("created", 0),
                nodes("a", "waiting", "b", "waiting"), MAPPER);
        assertEquals(1, created.events().size());
        assertEquals("created", created.events().get(0).get("status").asText());
        assertEquals(1, created.events().get(0).get("sequence").asInt());

        WorkflowEvents.Announcement started = WorkflowEvents.announce(new WorkflowEvents.Snapshot("created", Map.of("a", "waiting", "b", "waiting")),
                workflow("running", 1), nodes("a", "queued", "b", "failed"), MAPPER);
        assertEquals(List.of("running", "running"), List.of(started.events().get(0).get("status").asText(), started.events().get(1).get("status").asText()));
        assertTrue(started.events().get(1).has("node"));
        assertEquals(List.of(0, 50), List.of(started.events().get(0).get("progress").asInt(), started.events().get(1).get("progress").asInt()));

        assertTrue(WorkflowEvents.announce(new WorkflowEvents.Snapshot("running", Map.of("a", "queued")), workflow("running", 3),
                nodes("a", "queued"), MAPPER).events().isEmpty());
    }

    private static Map<String, Object> workflow(String status, int eventSeq) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", "w1");
        row.put("name", "shot");
        row.put("status", status);
        row.put("event_seq", eventSeq);
        row.put("metadata", "{\"look\":\"L1\"}");
        row.put("inputs", "{}");
        return row;
    }

    private static List<Map<String, Object>> nodes(String... idStatus) {
        List<Map<String, Object>> nodes = new ArrayList<>();
        for (int i = 0; i < idStatus.length; i += 2) {
            Map<String, Object> row = new HashMap<>();
            row.put("node_id", idStatus[i]);
            row.put("status", idStatus[i + 1]);
            row.put("runs", 1);
            nodes.add(row);
        }
        return nodes;
    }
}
