package com.sartiq.hub.compute.tasks;

import com.sartiq.hub.compute.config.ConditionalOnRole;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sartiq.hub.common.rest.ApiException;
import com.sartiq.hub.common.rest.JsonResponses;
import com.sartiq.hub.common.rest.RestErrorHandling;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestParamType;
import org.springframework.stereotype.Component;

import java.util.Map;

/** The task API: create a task, read its status and result. */
@Component
@ConditionalOnRole("api")
public class TaskRoutes extends RouteBuilder {

    private static final String API_KEY = "HTTPBearer";

    private final TaskRequestReader requests;
    private final JsonResponses json;
    private final ObjectMapper mapper;

    public TaskRoutes(TaskRequestReader requests, JsonResponses json, ObjectMapper mapper) {
        this.requests = requests;
        this.json = json;
        this.mapper = mapper;
    }

    @Override
    public void configure() {
        rest("/tasks").tag("tasks").description("Compute tasks")
            .securityDefinitions()
                .bearerToken(API_KEY, "A compute API key (HUB_COMPUTE_API_KEY) as a bearer token", "API key")
            .end()
            .post().id("rest.tasks.create")
                .description("Create a task: task_type plus that type's fields (GENERATION: prompt, optional negative_prompt, "
                        + "width, height, seed; BACKGROUND_REMOVE: image_url) plus the fields every task takes (webhook_url, "
                        + "entity_id, origin_*, metadata). A repeated Idempotency-Key returns the first task.")
                .consumes("application/json").produces("application/json")
                .type(TaskCreateRequest.class).outType(TaskView.class)
                .param().name("Idempotency-Key").type(RestParamType.header).required(false)
                    .description("Same key, same task: a retried submission never creates a second task").endParam()
                .responseMessage().code(201).message("Task created").responseModel(TaskView.class).endResponseMessage()
                .responseMessage().code(200).message("Task already created with this Idempotency-Key").endResponseMessage()
                .responseMessage().code(401).message("Missing or invalid API key").endResponseMessage()
                .responseMessage().code(422).message("Validation error").endResponseMessage()
                .security(API_KEY)
                .to("direct:tasks.create")
            .get("/{task_id}").id("rest.tasks.get")
                .description("A task's status, progress and, once completed, its output images")
                .produces("application/json").outType(TaskView.class)
                .param().name("task_id").type(RestParamType.path).description("Task id (UUID)").endParam()
                .responseMessage().code(200).message("The task").responseModel(TaskView.class).endResponseMessage()
                .responseMessage().code(404).message("Task not found").endResponseMessage()
                .security(API_KEY)
                .to("direct:tasks.get");

        from("direct:tasks.create").routeId("tasks.create").routeConfigurationId(RestErrorHandling.ID)
            .bean(requests, "read")
            .setProperty("idempotencyKey", simple("${body[idempotencyKey]}"))
            .to("sql:classpath:sql/compute/task-insert.sql?outputType=SelectOne")
            // a concurrent request with the same key committed first: its task is only visible to a new statement
            .filter(body().isNull())
                .to("sql:classpath:sql/compute/task-by-idempotency-key.sql?outputType=SelectOne")
            .end()
            .setProperty("created", simple("${body[created]}"))
            .process(this::toView)
            .log("Task ${body.id} (${body.taskType}) accepted")
            .choice()
                .when(exchangeProperty("created").isEqualTo(true)).process(json.created())
                .otherwise().process(json.ok());

        from("direct:tasks.get").routeId("tasks.get").routeConfigurationId(RestErrorHandling.ID)
            .process(JsonResponses.requireUuid("task_id", "Task"))
            .to("sql:classpath:sql/compute/task-by-id.sql?outputType=SelectOne")
            .filter(body().isNull()).throwException(ApiException.notFound("Task")).end()
            .process(this::toView)
            .process(json.ok());
    }

    private void toView(Exchange exchange) throws Exception {
        exchange.getMessage().setBody(TaskView.fromRow(exchange.getMessage().getBody(Map.class), mapper));
    }
}
