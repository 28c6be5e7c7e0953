package com.sartiq.hub.compute.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sartiq.hub.common.rest.RequestValidationException;
import com.sartiq.hub.compute.config.ComputeRoles;
import com.sartiq.hub.compute.events.EventProperties;
import com.sartiq.hub.compute.tasks.TaskRequestReader;
import com.sartiq.hub.compute.tasks.TaskType;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Advances workflows: {@code workflows.advance} locks the workflow row, records the results of ended node
 * tasks, enqueues the nodes that became ready (as ordinary tasks, idempotency key {@code workflow-<id>-<node>})
 * and applies the failure policy, all in one transaction. The workflow role runs it for each terminal task
 * event on Redis; the beat role sweeps running workflows whose events were missed.
 */
@Component
@EnableConfigurationProperties(WorkflowProperties.class)
public class WorkflowEngineRoutes extends RouteBuilder {

    private static final Set<String> TERMINAL = Set.of("completed", "failed", "cancelled");

    private final ComputeRoles roles;
    private final WorkflowProperties workflows;
    private final TaskRequestReader tasks;
    private final ObjectMapper mapper;
    private final String eventChannel;

    public WorkflowEngineRoutes(ComputeRoles roles, WorkflowProperties workflows, TaskRequestReader tasks, ObjectMapper mapper,
                                EventProperties events, @Value("${hub.redis.key-prefix:}") String keyPrefix) {
        this.roles = roles;
        this.workflows = workflows;
        this.tasks = tasks;
        this.mapper = mapper;
        this.eventChannel = keyPrefix + events.channel();
    }

    @Override
    public void configure() {
        from("direct:workflows.advance").routeId("workflows.advance").transacted()
            .to("sql:classpath:sql/compute/workflows/workflow-lock.sql?outputType=SelectOne")
            .filter(simple("${body} != null && ${body[status]} == 'running'"))
                .setProperty("failFast", simple("${body[failure_policy]}"))
                .setProperty("inputs", simple("${body[inputs]}"))
                .to("sql:classpath:sql/compute/workflows/workflow-sync-nodes.sql")
                .to("sql:classpath:sql/compute/workflows/workflow-nodes.sql?outputType=SelectList")
                .process(this::plan)
                .split(simple("${exchangeProperty.plan.enqueue}"))
                    .to("direct:workflows.enqueue")
                .end()
                .split(simple("${exchangeProperty.plan.end}"))
                    .setBody(e -> {
                        WorkflowPlanner.End end = e.getMessage().getBody(WorkflowPlanner.End.class);
                        return nodeEnd(end.nodeId(), end.status(), end.errorMessage());
                    })
                    .to("sql:classpath:sql/compute/workflows/workflow-node-end.sql")
                .end()
                .split(simple("${exchangeProperty.plan.cancel}"))
                    .setProperty("nodeId", simple("${body.nodeId}"))
                    .setBody(e -> Map.of("task_id", e.getMessage().getBody(WorkflowPlanner.Cancel.class).taskId()))
                    .to("sql:classpath:sql/compute/task-cancel.sql?outputType=SelectOne")
                    .setBody(e -> nodeEnd(e.getProperty("nodeId", String.class), "cancelled", "workflow failed (fail_fast)"))
                    .to("sql:classpath:sql/compute/workflows/workflow-node-end.sql")
                .end()
                .setProperty("finalStatus", simple("${exchangeProperty.plan.finalStatus}"))
                .filter(exchangeProperty("finalStatus").isNotNull())
                    .to("sql:classpath:sql/compute/workflows/workflow-finish.sql")
                    .log("Workflow ${exchangeProperty.workflowId} ${exchangeProperty.finalStatus}")
                .end()
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
            .doCatch(Exception.class)
                .log(LoggingLevel.WARN, "Advancing workflow ${exchangeProperty.workflowId} failed (the sweep retries): ${exception.message}")
            .end();
    }

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
                    (ObjectNode) WorkflowView.json(row.get("config"), mapper), dependsOn, WorkflowView.json(row.get("input_mappings"), mapper),
                    row.get("output") == null ? null : WorkflowView.json(row.get("output"), mapper), (String) row.get("task_id_text"),
                    ((Number) row.get("runs")).intValue()));
        }
        boolean failFast = "fail_fast".equals(exchange.getProperty("failFast", String.class));
        JsonNode inputs = WorkflowView.json(exchange.getProperty("inputs"), mapper);
        exchange.setProperty("plan", WorkflowPlanner.plan(exchange.getProperty("workflowId", String.class), failFast, inputs, nodes,
                this::taskRow));
    }

    private Map<String, Object> taskRow(String taskType, ObjectNode config, String idempotencyKey) throws Exception {
        try {
            return tasks.readAs(config.toString(), idempotencyKey, TaskType.valueOf(taskType));
        } catch (RequestValidationException e) {
            throw new IllegalArgumentException("invalid params after input mapping: " + e.errors().get(0).loc() + " " + e.getMessage());
        }
    }

    private static Map<String, Object> nodeEnd(String nodeId, String status, String errorMessage) {
        return new HashMap<>(Map.of("nodeId", nodeId, "status", status, "errorMessage", errorMessage == null ? "" : errorMessage));
    }
}
