package com.sartiq.hub.compute.workflows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.sartiq.hub.common.sql.SqlValues.utc;

/**
 * The workflow API: create a DAG of task steps or instantiate a named template (validated as a whole,
 * started at once unless {@code start=false}), list workflows and templates, read one with each node's
 * task. Starting, pausing, resuming, cancelling and cleaning up: {@link WorkflowControlRoutes}.
 */
@Component
@ConditionalOnRole("api")
public class WorkflowRoutes extends RouteBuilder {

    private static final String API_KEY = "HTTPBearer";

    private final WorkflowRequestReader requests;
    private final WorkflowTemplates templates;
    private final JsonResponses json;
    private final ObjectMapper mapper;

    public WorkflowRoutes(JsonRequestReader reader, TaskRequestReader tasks, WorkflowTemplates templates, JsonResponses json, ObjectMapper mapper) {
        this.requests = new WorkflowRequestReader(reader, new WorkflowSteps(tasks, mapper), templates, mapper);
        this.templates = templates;
        this.json = json;
        this.mapper = mapper;
    }

    @Override
    public void configure() {
        rest("/workflows").tag("workflows").description("Workflows: DAGs of compute tasks")
            .post().id("rest.workflows.create")
                .description("Create a workflow: name, description, origin_instance, inputs, failure_policy (fail_fast or continue), "
                        + "webhook_url (workflow events), metadata, steps [{id, task_type, config (strings may hold double-brace templates of a ref), "
                        + "depends_on, input_mappings {field: '<step_id>.<output path>' | '$input.<field>'}, when '<ref> <op> <value>'}] "
                        + "- or template (a named template) with its inputs instead of steps. Starts at once unless start is false")
                .consumes("application/json").produces("application/json")
                .param().name("Idempotency-Key").type(RestParamType.header).required(false)
                    .description("Same key, same workflow: a retried create never makes a second one").endParam()
                .responseMessage().code(201).message("Workflow created").endResponseMessage()
                .responseMessage().code(200).message("Workflow already created with this Idempotency-Key").endResponseMessage()
                .responseMessage().code(422).message("Validation error naming the step and field").endResponseMessage()
                .security(API_KEY)
                .to("direct:workflows.create")
            .get().id("rest.workflows.list")
                .description("Workflows, newest first: id, name, template, status, progress, origin_instance, metadata and timings")
                .produces("application/json")
                .param().name("status").type(RestParamType.query).required(false)
                    .description("created, running, paused, completed, failed or cancelled").endParam()
                .param().name("template").type(RestParamType.query).required(false).description("made from this template").endParam()
                .param().name("origin_instance").type(RestParamType.query).required(false).endParam()
                .param().name("page").type(RestParamType.query).dataType("integer").defaultValue("1").endParam()
                .param().name("page_size").type(RestParamType.query).dataType("integer").defaultValue("50").description("1 to 200").endParam()
                .responseMessage().code(422).message("Bad query parameter").endResponseMessage()
                .security(API_KEY)
                .to("direct:workflows.list")
            .get("/templates").id("rest.workflows.templates")
                .description("The named templates: name, description, failure_policy, inputs (required), defaults (optional inputs), steps")
                .produces("application/json")
                .security(API_KEY)
                .to("direct:workflows.templates")
            .get("/{workflow_id}").id("rest.workflows.get")
                .description("A workflow's status, progress and each step's status (and skip_reason), task, attempts, timings and output")
                .produces("application/json")
                .param().name("workflow_id").type(RestParamType.path).description("Workflow id (UUID)").endParam()
                .responseMessage().code(404).message("Workflow not found").endResponseMessage()
                .security(API_KEY)
                .to("direct:workflows.get");

        from("direct:workflows.create").routeId("workflows.create").routeConfigurationId(RestErrorHandling.ID)
            .bean(requests, "read")
            .setProperty("start", simple("${body[start]}"))
            .to("direct:workflows.insert")
            .filter(simple("${exchangeProperty.created} == true && ${exchangeProperty.start} == true"))
                .to("direct:workflows.start-tx")
                .to("direct:workflows.wake-workers")
            .end()
            .to("direct:workflows.view")
            .choice()
                .when(exchangeProperty("created").isEqualTo(true)).process(json.created())
                .otherwise().process(json.ok());

        from("direct:workflows.insert").routeId("workflows.insert").transacted()
            .setProperty("idempotencyKey", simple("${body[idempotencyKey]}"))
            .to("sql:classpath:sql/compute/workflows/workflow-insert.sql?outputType=SelectOne")
            // a concurrent create with the same key committed first: its workflow is only visible to a new statement
            .filter(body().isNull())
                .to("sql:classpath:sql/compute/workflows/workflow-by-idempotency-key.sql?outputType=SelectOne")
            .end()
            .setProperty("workflowId", simple("${body[id]}"))
            .setProperty("created", simple("${body[created]}"))
            .filter(exchangeProperty("created").isEqualTo(true))
                .setProperty("before", constant(WorkflowEvents.Snapshot.NEW))
                .to("direct:workflows.announce")
                .log("Workflow ${exchangeProperty.workflowId} created")
            .end();

        from("direct:workflows.list").routeId("workflows.list").routeConfigurationId(RestErrorHandling.ID)
            .process(this::readListQuery)
            .setBody(exchangeProperty("query"))
            .to("sql:classpath:sql/compute/workflows/workflow-count.sql?outputType=SelectOne")
            .setProperty("total", body())
            .setBody(exchangeProperty("query"))
            .to("sql:classpath:sql/compute/workflows/workflow-list.sql?outputType=SelectList")
            .process(this::toPage)
            .process(json.ok());

        from("direct:workflows.templates").routeId("workflows.templates").routeConfigurationId(RestErrorHandling.ID)
            .process(this::listTemplates)
            .process(json.ok());

        from("direct:workflows.get").routeId("workflows.get").routeConfigurationId(RestErrorHandling.ID)
            .process(JsonResponses.requireUuid("workflow_id", "Workflow"))
            .setProperty("workflowId", header("workflow_id"))
            .to("direct:workflows.view")
            .process(json.ok());

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

    private void readListQuery(Exchange exchange) {
        Map<String, String> query = new HashMap<>();
        WorkflowListQuery.PARAMS.forEach(name -> query.put(name, exchange.getMessage().getHeader(name, String.class)));
        exchange.setProperty("query", WorkflowListQuery.read(query));
    }

    @SuppressWarnings("unchecked")
    private void toPage(Exchange exchange) throws Exception {
        Map<String, Object> query = exchange.getProperty("query", Map.class);
        long total = exchange.getProperty("total", Number.class).longValue();
        int pageSize = (Integer) query.get("pageSize");
        ObjectNode page = mapper.createObjectNode();
        ArrayNode items = page.putArray("items");
        for (Map<String, Object> row : (List<Map<String, Object>>) exchange.getMessage().getBody(List.class)) {
            ObjectNode item = items.addObject();
            item.put("id", (String) row.get("id"));
            item.put("name", (String) row.get("name"));
            item.put("template", (String) row.get("template"));
            item.put("status", (String) row.get("status"));
            item.put("progress", ((Number) row.get("progress")).intValue());
            item.put("origin_instance", (String) row.get("origin_instance"));
            item.set("metadata", WorkflowView.json(row.get("metadata"), mapper));
            item.set("created_at", mapper.valueToTree(utc(row.get("created_at"))));
            item.set("started_at", mapper.valueToTree(utc(row.get("started_at"))));
            item.set("completed_at", mapper.valueToTree(utc(row.get("completed_at"))));
        }
        page.put("total", total);
        page.put("page", (Integer) query.get("page"));
        page.put("page_size", pageSize);
        page.put("pages", (total + pageSize - 1) / pageSize);
        exchange.getMessage().setBody(page);
    }

    private void listTemplates(Exchange exchange) {
        ArrayNode list = mapper.createArrayNode();
        for (WorkflowTemplates.Template template : templates.all()) {
            ObjectNode item = list.addObject();
            item.put("name", template.name());
            item.put("title", template.title());
            item.put("description", template.description());
            item.put("failure_policy", template.failurePolicy());
            item.set("inputs", mapper.valueToTree(template.inputs()));
            item.set("defaults", template.defaults());
            item.set("steps", template.steps());
        }
        exchange.getMessage().setBody(list);
    }
}
