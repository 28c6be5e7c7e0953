package com.sartiq.hub.compute.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sartiq.hub.common.rest.RequestValidationException;
import com.sartiq.hub.compute.config.ComputeRoles;
import com.sartiq.hub.compute.events.EventProperties;
import com.sartiq.hub.compute.tasks.TaskRequestReader;
import com.sartiq.hub.compute.tasks.QueueWake;
import com.sartiq.hub.compute.tasks.TaskType;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Advances workflows: {@code workflows.advance} locks the workflow row, records the results of ended node
 * tasks, enqueues the nodes that became ready (as ordinary tasks, idempotency key {@code workflow-<id>-<node>}),
 * skips those whose condition is false and applies the failure policy, and writes the events of all that
 * ({@code workflows.announce}, into the task outbox), all in one transaction. The workflow role runs it for
 * each terminal task event on Redis; the beat role sweeps running workflows whose events were missed. A
 * paused workflow only records the results of its tasks. Every other change of a workflow (create, start,
 * pause, resume, cancel) takes the same lock and ends with the same announcement. Once an advance that
 * queued tasks has committed, {@code workflows.wake-workers} wakes their queues' workers over Redis.
 */
@Component
public class WorkflowEngineRoutes extends RouteBuilder {

    private static final Set<String> TERMINAL = Set.of("completed", "failed", "cancelled");

    private final ComputeRoles roles;
    private final WorkflowProperties workflows;
    private final TaskRequestReader tasks;
    private final ObjectMapper mapper;
    private final String eventChannel;
    private final QueueWake wake;

    public WorkflowEngineRoutes(ComputeRoles roles, WorkflowProperties workflows, TaskRequestReader tasks, ObjectMapper mapper,
                                EventProperties events, QueueWake wake, @Value("${hub.redis.key-prefix:}") String keyPrefix) {
        this.roles = roles;
        this.workflows = workflows;
        this.tasks = tasks;
        this.mapper = mapper;
        this.eventChannel = keyPrefix + events.channel();
        this.wake = wake;
    }

    @Override
    public void configure() {
        from("direct:workflows.advance").routeId("workflows.advance").transacted()
            .to("direct:workflows.lock")
            .filter(body().isNotNull())
                .to("direct:workflows.advance-locked")
                .to("direct:workflows.announce")
            .end();

        // the caller holds the row lock (workflows.lock) in its transaction
        from("direct:workflows.advance-locked").routeId("workflows.advance-locked").errorHandler(noErrorHandler())
            .to("sql:classpath:sql/compute/workflows/workflow-by-id.sql?outputType=SelectOne")
            .setProperty("workflowStatus", simple("${body[status]}"))
            .setProperty("failFast", simple("${body[failure_policy]}"))
            .setProperty("inputs", simple("${body[inputs]}"))
            // a paused workflow records what its running tasks did, and queues nothing
            .filter(simple("${exchangeProperty.workflowStatus} == 'running' || ${exchangeProperty.workflowStatus} == 'paused'"))
                .to("sql:classpath:sql/compute/workflows/workflow-sync-nodes.sql")
            .end()
            .filter(simple("${exchangeProperty.workflowStatus} == 'running'"))
                .to("sql:classpath:sql/compute/workflows/workflow-nodes.sql?outputType=SelectList")
                .process(this::plan)
                .split(simple("${exchangeProperty.plan.expand}"))
                    .process(this::fanOutRow)
                    .to("sql:classpath:sql/compute/workflows/workflow-fan-out.sql")
                .end()
                .split(simple("${exchangeProperty.plan.enqueue}"))
                    .to("direct:workflows.enqueue")
                .end()
                .split(simple("${exchangeProperty.plan.end}"))
                    .setBody(e -> {
                        WorkflowPlanner.End end = e.getMessage().getBody(WorkflowPlanner.End.class);
                        Map<String, Object> row = nodeEnd(end.nodeId(), end.status(), end.skipReason(), end.errorMessage());
                        row.put("output", end.output() == null ? null : end.output().toString());
                        return row;
                    })
                    .to("sql:classpath:sql/compute/workflows/workflow-node-end.sql")
                .end()
                .split(simple("${exchangeProperty.plan.cancel}"))
                    .setProperty("nodeId", simple("${body.nodeId}"))
                    .setBody(e -> Map.of("task_id", e.getMessage().getBody(WorkflowPlanner.Cancel.class).taskId()))
                    .to("sql:classpath:sql/compute/task-cancel.sql?outputType=SelectOne")
                    .setBody(e -> nodeEnd(e.getProperty("nodeId", String.class), "cancelled", null, "workflow failed (fail_fast)"))
                    .to("sql:classpath:sql/compute/workflows/workflow-node-end.sql")
                .end()
                .setProperty("finalStatus", simple("${exchangeProperty.plan.finalStatus}"))
                .filter(exchangeProperty("finalStatus").isNotNull())
                    .to("sql:classpath:sql/compute/workflows/workflow-finish.sql")
                    .log("Workflow ${exchangeProperty.workflowId} ${exchangeProperty.finalStatus}")
                .end()
            .end();

        // takes the workflow row for the transaction and remembers its state, against which the change's events are told
        from("direct:workflows.lock").routeId("workflows.lock").errorHandler(noErrorHandler())
            .to("sql:classpath:sql/compute/workflows/workflow-lock.sql?outputType=SelectOne")
            .filter(body().isNotNull())
                .setProperty("locked", body())
                .to("sql:classpath:sql/compute/workflows/workflow-node-statuses.sql?outputType=SelectList")
                .process(e -> e.setProperty("before", WorkflowEvents.Snapshot.of(
                        (String) e.getProperty("locked", Map.class).get("status"), e.getMessage().getBody(List.class))))
                .setBody(exchangeProperty("locked"))
            .end();

        from("direct:workflows.announce").routeId("workflows.announce").errorHandler(noErrorHandler())
            .to("sql:classpath:sql/compute/workflows/workflow-by-id.sql?outputType=SelectOne")
            .setProperty("workflow", body())
            .to("sql:classpath:sql/compute/workflows/workflow-nodes.sql?outputType=SelectList")
            .process(this::announcement)
            .filter(body().isNotNull())
                .to("sql:classpath:sql/compute/workflows/workflow-events-insert.sql")
            .end();

        from("direct:workflows.enqueue").routeId("workflows.enqueue").errorHandler(noErrorHandler())
            .setProperty("nodeId", simple("${body.nodeId}"))
            .setBody(simple("${body.taskRow}"))
            .setProperty("idempotencyKey", simple("${body[idempotencyKey]}"))
            // the task insert of the tasks API: same row, same first event; a key already used returns its task
            .to("sql:classpath:sql/compute/task-insert.sql?outputType=SelectOne")
            .filter(body().isNull())
                .to("sql:classpath:sql/compute/task-by-idempotency-key.sql?outputType=SelectOne")
            .end()
            .setBody(e -> Map.of("taskId", String.valueOf(e.getMessage().getBody(Map.class).get("id")), "nodeId", e.getProperty("nodeId")))
            .to("sql:classpath:sql/compute/workflows/workflow-node-queued.sql")
            .log("Workflow ${exchangeProperty.workflowId}: step ${exchangeProperty.nodeId} queued as task ${body[taskId]}");

        if (roles.has("workflow")) {
            // a node's task ended: advance its workflow at once (the sweep catches what Redis loses)
            from("spring-redis://workflow-events?command=SUBSCRIBE&channels=" + eventChannel
                    + "&listenerContainer=#taskWakeListener&serializer=#taskWakeSerializer")
                .routeId("workflows.on-task-event")
                .process(this::readEvent)
                .filter(exchangeProperty("taskId").isNotNull())
                .to("sql:classpath:sql/compute/workflows/workflow-by-task.sql?outputType=SelectOne")
                .filter(body().isNotNull())
                // one column: camel-sql answers the value itself
                .setProperty("workflowId", body())
                .to("direct:workflows.advance-logged");
        }

        if (roles.has("beat")) {
            from("quartz://compute/workflow-sweep?cron=" + workflows.sweepCron().trim().replace(' ', '+')
                    + "&stateful=true&trigger.misfireInstruction=2").routeId("beat.workflow-sweep")
                .setBody(e -> Map.of("limit", workflows.sweepBatch()))
                .to("sql:classpath:sql/compute/workflows/workflow-sweep.sql?outputType=SelectList")
                .split(body())
                    .setProperty("workflowId", simple("${body[workflow_id]}"))
                    .to("direct:workflows.advance-logged");
        }

        from("direct:workflows.advance-logged").routeId("workflows.advance-logged").errorHandler(noErrorHandler())
            .doTry()
                .to("direct:workflows.advance")
                .to("direct:workflows.wake-workers")
            .doCatch(Exception.class)
                .log(LoggingLevel.WARN, "Advancing workflow ${exchangeProperty.workflowId} failed (the sweep retries): ${exception.message}")
            .end();

        // after the commit that made the tasks visible: the queues' idle workers claim at once instead of at their next poll,
        // as for a task created through the API (best effort: without Redis they find the tasks when they poll)
        from("direct:workflows.wake-workers").routeId("workflows.wake-workers").errorHandler(noErrorHandler())
            .filter(exchangeProperty("wakeQueues").isNotNull())
                .split(exchangeProperty("wakeQueues"))
                    .process(e -> wake.wake(e.getMessage().getBody(String.class)))
                .end()
                .removeProperty("wakeQueues")
            .end();
    }

    /** Workflow events share the channel: only a task's terminal event (it names a task_id) moves a workflow. */
    private void readEvent(Exchange exchange) throws Exception {
        JsonNode event = mapper.readTree(exchange.getMessage().getBody(String.class));
        boolean terminal = TERMINAL.contains(event.path("status").asText());
        exchange.setProperty("taskId", terminal && event.hasNonNull("task_id") ? event.get("task_id").asText() : null);
    }

    @SuppressWarnings("unchecked")
    private void plan(Exchange exchange) throws Exception {
        List<WorkflowPlanner.Node> nodes = new ArrayList<>();
        for (Map<String, Object> row : (List<Map<String, Object>>) exchange.getMessage().getBody(List.class)) {
            List<String> dependsOn = new ArrayList<>();
            WorkflowView.json(row.get("depends_on"), mapper).forEach(d -> dependsOn.add(d.asText()));
            nodes.add(new WorkflowPlanner.Node((String) row.get("node_id"), (String) row.get("task_type"), (String) row.get("status"),
                    (String) row.get("skip_reason"), (ObjectNode) WorkflowView.json(row.get("config"), mapper), dependsOn,
                    WorkflowView.json(row.get("input_mappings"), mapper), (String) row.get("condition"), (String) row.get("for_each"),
                    (String) row.get("parent_id"), row.get("item_index") == null ? null : ((Number) row.get("item_index")).intValue(),
                    row.get("item") == null ? null : WorkflowView.json(row.get("item"), mapper),
                    row.get("output") == null ? null : WorkflowView.json(row.get("output"), mapper), (String) row.get("task_id_text"),
                    ((Number) row.get("runs")).intValue()));
        }
        boolean failFast = "fail_fast".equals(exchange.getProperty("failFast", String.class));
        JsonNode inputs = WorkflowView.json(exchange.getProperty("inputs"), mapper);
        WorkflowPlanner.Plan plan = WorkflowPlanner.plan(exchange.getProperty("workflowId", String.class), failFast, inputs, nodes, this::taskRow);
        exchange.setProperty("plan", plan);
        Set<Object> queues = new LinkedHashSet<>();
        plan.enqueue().forEach(e -> queues.add(e.taskRow().get("queue")));
        exchange.setProperty("wakeQueues", queues.isEmpty() ? null : queues);
    }

    private void fanOutRow(Exchange exchange) {
        WorkflowPlanner.Expand expand = exchange.getMessage().getBody(WorkflowPlanner.Expand.class);
        ArrayNode items = mapper.createArrayNode();
        expand.items().forEach(i -> items.addObject().put("node_id", i.nodeId()).put("item_index", i.itemIndex()).set("item", i.item()));
        exchange.getMessage().setBody(Map.of("stepId", expand.stepId(), "items", items.toString()));
    }

    @SuppressWarnings("unchecked")
    private void announcement(Exchange exchange) throws Exception {
        WorkflowEvents.Announcement announcement = WorkflowEvents.announce(exchange.getProperty("before", WorkflowEvents.Snapshot.class),
                exchange.getProperty("workflow", Map.class), exchange.getMessage().getBody(List.class), mapper);
        exchange.getMessage().setBody(announcement.events().isEmpty() ? null : Map.of("events", announcement.events().toString(),
                "eventSeq", announcement.eventSeq(), "progress", announcement.progress()));
    }

    private Map<String, Object> taskRow(String taskType, ObjectNode config, String idempotencyKey) throws Exception {
        try {
            return tasks.readAs(config.toString(), idempotencyKey, TaskType.valueOf(taskType));
        } catch (RequestValidationException e) {
            throw new IllegalArgumentException("invalid params after input mappings and templates: " + e.errors().get(0).loc() + " " + e.getMessage());
        }
    }

    /** The parameters of {@code workflow-node-end.sql}. */
    static Map<String, Object> nodeEnd(String nodeId, String status, String skipReason, String errorMessage) {
        Map<String, Object> row = new HashMap<>(Map.of("nodeId", nodeId, "status", status, "errorMessage", errorMessage == null ? "" : errorMessage));
        row.put("skipReason", skipReason);
        row.put("output", null);
        return row;
    }
}
