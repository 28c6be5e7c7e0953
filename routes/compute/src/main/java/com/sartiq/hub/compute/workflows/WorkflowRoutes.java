package com.sartiq.hub.compute.workflows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sartiq.hub.common.rest.ApiException;
import com.sartiq.hub.common.rest.JsonRequestReader;
import com.sartiq.hub.common.rest.JsonResponses;
import com.sartiq.hub.common.rest.RestErrorHandling;
import com.sartiq.hub.compute.config.ConditionalOnRole;
import com.sartiq.hub.compute.tasks.TaskRequestReader;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestParamType;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * The workflow API: create a DAG of task steps (validated as a whole, started at once unless
 * {@code start=false}), read it with each node's task, start, cancel and resume it.
 */
@Component
@ConditionalOnRole("api")
public class WorkflowRoutes extends RouteBuilder {

    private static final String API_KEY = "HTTPBearer";

    private final WorkflowRequestReader requests;
    private final JsonResponses json;
    private final ObjectMapper mapper;

    public WorkflowRoutes(JsonRequestReader reader, TaskRequestReader tasks, JsonResponses json, ObjectMapper mapper) {
        this.requests = new WorkflowRequestReader(reader, tasks, mapper);
        this.json = json;
        this.mapper = mapper;
    }

    @Override
    public void configure() {
        rest("/workflows").tag("workflows").description("Workflows: DAGs of compute tasks")
            .post().id("rest.workflows.create")
                .description("Create a workflow: name, description, origin_instance, inputs, failure_policy (fail_fast or continue), "
                        + "steps [{id, task_type, config, depends_on, input_mappings {field: '<step_id>.<output path>' | '$input.<field>'}}]. "
                        + "Starts at once unless start is false")
                .consumes("application/json").produces("application/json")
                .responseMessage().code(201).message("Workflow created").endResponseMessage()
                .responseMessage().code(422).message("Validation error naming the step and field").endResponseMessage()
                .security(API_KEY)
                .to("direct:workflows.create")
            .get("/{workflow_id}").id("rest.workflows.get")
                .description("A workflow's status and each step's status, task, attempts, timings and output")
                .produces("application/json")
                .param().name("workflow_id").type(RestParamType.path).description("Workflow id (UUID)").endParam()
                .responseMessage().code(404).message("Workflow not found").endResponseMessage()
                .security(API_KEY)
                .to("direct:workflows.get")
            .post("/{workflow_id}/start").id("rest.workflows.start")
                .description("Start a created workflow: its steps without dependencies are queued")
                .produces("application/json")
                .param().name("workflow_id").type(RestParamType.path).description("Workflow id (UUID)").endParam()
                .responseMessage().code(409).message("Workflow not in state created").endResponseMessage()
                .security(API_KEY)
                .to("direct:workflows.start")
            .post("/{workflow_id}/cancel").id("rest.workflows.cancel")
                .description("Cancel a created or running workflow: waiting steps are skipped, queued steps' tasks cancelled")
                .produces("application/json")
                .param().name("workflow_id").type(RestParamType.path).description("Workflow id (UUID)").endParam()
                .responseMessage().code(409).message("Workflow already completed or failed").endResponseMessage()
                .security(API_KEY)
                .to("direct:workflows.cancel")
            .post("/{workflow_id}/resume").id("rest.workflows.resume")
                .description("Run a failed or cancelled workflow again: only its failed, skipped and cancelled steps run")
                .produces("application/json")
                .param().name("workflow_id").type(RestParamType.path).description("Workflow id (UUID)").endParam()
                .responseMessage().code(409).message("Workflow not failed or cancelled").endResponseMessage()
                .security(API_KEY)
                .to("direct:workflows.resume");

        from("direct:workflows.create").routeId("workflows.create").routeConfigurationId(RestErrorHandling.ID)
            .bean(requests, "read")
            .setProperty("workflowId", simple("${body[id]}"))
            .setProperty("start", simple("${body[start]}"))
            .to("sql:classpath:sql/compute/workflows/workflow-insert.sql")
            .log("Workflow ${exchangeProperty.workflowId} created")
            .filter(exchangeProperty("start").isEqualTo(true))
                .to("direct:workflows.start-tx")
            .end()
            .to("direct:workflows.view")
            .process(json.created());

        from("direct:workflows.get").routeId("workflows.get").routeConfigurationId(RestErrorHandling.ID)
            .process(JsonResponses.requireUuid("workflow_id", "Workflow"))
            .setProperty("workflowId", header("workflow_id"))
            .to("direct:workflows.view")
            .process(json.ok());

        from("direct:workflows.start").routeId("workflows.start").routeConfigurationId(RestErrorHandling.ID)
            .process(JsonResponses.requireUuid("workflow_id", "Workflow"))
            .setProperty("workflowId", header("workflow_id"))
            .to("direct:workflows.require")
            .filter(simple("${body[status]} != 'created'"))
                .process(e -> conflict(e, "Workflow already " + e.getMessage().getBody(Map.class).get("status") + ": it cannot be started"))
            .end()
            .to("direct:workflows.start-tx")
            .log("Workflow ${exchangeProperty.workflowId} started")
            .to("direct:workflows.view")
            .process(json.ok());

        // a workflow not (or no longer) in state created is left alone: advancing only moves running workflows
        from("direct:workflows.start-tx").routeId("workflows.start-tx").transacted()
            .to("sql:classpath:sql/compute/workflows/workflow-start.sql")
            .to("direct:workflows.advance");

        from("direct:workflows.cancel").routeId("workflows.cancel").routeConfigurationId(RestErrorHandling.ID)
            .process(JsonResponses.requireUuid("workflow_id", "Workflow"))
            .setProperty("workflowId", header("workflow_id"))
            .to("direct:workflows.require")
            .filter(simple("${body[status]} != 'created' && ${body[status]} != 'running' && ${body[status]} != 'cancelled'"))
                .process(e -> conflict(e, "Workflow already " + e.getMessage().getBody(Map.class).get("status") + ": it cannot be cancelled"))
            .end()
            .to("direct:workflows.cancel-tx")
            .to("direct:workflows.view")
            .process(json.ok());

        from("direct:workflows.cancel-tx").routeId("workflows.cancel-tx").transacted()
            .to("sql:classpath:sql/compute/workflows/workflow-lock.sql?outputType=SelectOne")
            .filter(simple("${body[status]} == 'created' || ${body[status]} == 'running'"))
                .to("sql:classpath:sql/compute/workflows/workflow-sync-nodes.sql")
                .to("sql:classpath:sql/compute/workflows/workflow-cancel.sql")
                .to("sql:classpath:sql/compute/workflows/workflow-queued-tasks.sql?outputType=SelectList")
                .split(body())
                    .setProperty("nodeId", simple("${body[node_id]}"))
                    .to("sql:classpath:sql/compute/task-cancel.sql?outputType=SelectOne")
                    .setBody(e -> Map.of("nodeId", e.getProperty("nodeId"), "status", "cancelled", "errorMessage", "workflow cancelled"))
                    .to("sql:classpath:sql/compute/workflows/workflow-node-end.sql")
                .end()
                .log("Workflow ${exchangeProperty.workflowId} cancelled")
            .end();

        from("direct:workflows.resume").routeId("workflows.resume").routeConfigurationId(RestErrorHandling.ID)
            .process(JsonResponses.requireUuid("workflow_id", "Workflow"))
            .setProperty("workflowId", header("workflow_id"))
            .to("direct:workflows.require")
            .filter(simple("${body[status]} != 'failed' && ${body[status]} != 'cancelled'"))
                .process(e -> conflict(e, "Workflow is " + e.getMessage().getBody(Map.class).get("status") + ": only a failed or cancelled workflow resumes"))
            .end()
            .to("direct:workflows.resume-tx")
            .to("direct:workflows.view")
            .process(json.ok());

        from("direct:workflows.resume-tx").routeId("workflows.resume-tx").transacted()
            .to("sql:classpath:sql/compute/workflows/workflow-resume.sql")
            .log("Workflow ${exchangeProperty.workflowId} resumed")
            .to("direct:workflows.advance");

        from("direct:workflows.require").routeId("workflows.require").errorHandler(noErrorHandler())
            .to("sql:classpath:sql/compute/workflows/workflow-by-id.sql?outputType=SelectOne")
            .filter(body().isNull()).throwException(ApiException.notFound("Workflow")).end();

        from("direct:workflows.view").routeId("workflows.view").errorHandler(noErrorHandler())
            .to("sql:classpath:sql/compute/workflows/workflow-by-id.sql?outputType=SelectOne")
            .filter(body().isNull()).throwException(ApiException.notFound("Workflow")).end()
            .setProperty("workflow", body())
            .to("sql:classpath:sql/compute/workflows/workflow-nodes.sql?outputType=SelectList")
            .process(this::toView);
    }

    @SuppressWarnings("unchecked")
    private void toView(Exchange exchange) throws Exception {
        exchange.getMessage().setBody(WorkflowView.of(exchange.getProperty("workflow", Map.class),
                (List<Map<String, Object>>) exchange.getMessage().getBody(List.class), mapper));
    }

    private static void conflict(Exchange exchange, String message) {
        throw new ApiException(409, message);
    }
}
