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

/**
 * The task API: create a task (generic, or through the typed generation and training endpoints), read
 * its status and result, cancel it. A new task wakes the workers of its queue over Redis (best effort:
 * without Redis they find it at their next poll).
 */
@Component
@ConditionalOnRole("api")
public class TaskRoutes extends RouteBuilder {

    private static final String API_KEY = "HTTPBearer";

    private final TaskRequestReader requests;
    private final JsonResponses json;
    private final ObjectMapper mapper;
    private final QueueWake wake;

    public TaskRoutes(TaskRequestReader requests, JsonResponses json, ObjectMapper mapper, QueueWake wake) {
        this.requests = requests;
        this.json = json;
        this.mapper = mapper;
        this.wake = wake;
    }

    /** Redis channel (after the key prefix) carrying the queue name of each new task. */
    public static final String WAKE_CHANNEL = "task-queued";

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
                .to("direct:tasks.get")
            .get("/{task_id}/result").id("rest.tasks.result")
                .description("A finished task's result: its status, output (completed) or error (failed). A task still pending or "
                        + "running answers 409 with its status, so a caller knows to wait for the event")
                .produces("application/json").outType(TaskResult.class)
                .param().name("task_id").type(RestParamType.path).description("Task id (UUID)").endParam()
                .responseMessage().code(200).message("The result").responseModel(TaskResult.class).endResponseMessage()
                .responseMessage().code(404).message("Task not found").endResponseMessage()
                .responseMessage().code(409).message("Task not finished yet").endResponseMessage()
                .security(API_KEY)
                .to("direct:tasks.result")
            .post("/{task_id}/cancel").id("rest.tasks.cancel")
                .description("Cancel a pending or running task. Its worker stops at its next step (a result arriving later is "
                        + "dropped) and a cancelled event is sent. Cancelling a cancelled task answers it again")
                .produces("application/json").outType(TaskView.class)
                .param().name("task_id").type(RestParamType.path).description("Task id (UUID)").endParam()
                .responseMessage().code(200).message("The task, now cancelled").responseModel(TaskView.class).endResponseMessage()
                .responseMessage().code(404).message("Task not found").endResponseMessage()
                .responseMessage().code(409).message("Task already completed or failed").endResponseMessage()
                .security(API_KEY)
                .to("direct:tasks.cancel")
            .post("/generation").id("rest.tasks.create-generation")
                .description("Create a GENERATION task: the GENERATION fields plus the common ones (task_type not needed)")
                .consumes("application/json").produces("application/json")
                .type(TaskParams.Generation.class).outType(TaskView.class)
                .param().name("Idempotency-Key").type(RestParamType.header).required(false)
                    .description("Same key, same task").endParam()
                .responseMessage().code(201).message("Task created").responseModel(TaskView.class).endResponseMessage()
                .responseMessage().code(200).message("Task already created with this Idempotency-Key").endResponseMessage()
                .responseMessage().code(422).message("Validation error").endResponseMessage()
                .security(API_KEY)
                .to("direct:tasks.create-generation")
            .get("/generation/{task_id}").id("rest.tasks.get-generation")
                .description("A GENERATION task's details (404 for a task of another type)")
                .produces("application/json").outType(TaskView.class)
                .param().name("task_id").type(RestParamType.path).description("Task id (UUID)").endParam()
                .responseMessage().code(200).message("The task").responseModel(TaskView.class).endResponseMessage()
                .responseMessage().code(404).message("Generation task not found").endResponseMessage()
                .security(API_KEY)
                .to("direct:tasks.get-generation");

        rest("/training").tag("training").description("Model training (queued to the fal training queue)")
            .post().id("rest.training.create")
                .description("Create and start a training (LoRA by default) from source images: a TRAINING task on the "
                        + "fal-training queue; its events carry event_type training_status_update")
                .consumes("application/json").produces("application/json")
                .type(TaskParams.Training.class).outType(TaskView.class)
                .param().name("Idempotency-Key").type(RestParamType.header).required(false)
                    .description("Same key, same training").endParam()
                .responseMessage().code(201).message("Training created").responseModel(TaskView.class).endResponseMessage()
                .responseMessage().code(200).message("Training already created with this Idempotency-Key").endResponseMessage()
                .responseMessage().code(422).message("Validation error").endResponseMessage()
                .security(API_KEY)
                .to("direct:training.create")
            .get("/{task_id}").id("rest.training.get")
                .description("A training's status")
                .produces("application/json").outType(TaskView.class)
                .param().name("task_id").type(RestParamType.path).description("Training task id (UUID)").endParam()
                .responseMessage().code(200).message("The training").responseModel(TaskView.class).endResponseMessage()
                .responseMessage().code(404).message("Training not found").endResponseMessage()
                .security(API_KEY)
                .to("direct:training.get")
            .post("/{task_id}/cancel").id("rest.training.cancel")
                .description("Cancel a training that has not finished")
                .produces("application/json").outType(TaskView.class)
                .param().name("task_id").type(RestParamType.path).description("Training task id (UUID)").endParam()
                .responseMessage().code(200).message("The training, now cancelled").responseModel(TaskView.class).endResponseMessage()
                .responseMessage().code(404).message("Training not found").endResponseMessage()
                .responseMessage().code(409).message("Training already completed or failed").endResponseMessage()
                .security(API_KEY)
                .to("direct:training.cancel");

        from("direct:tasks.create").routeId("tasks.create").routeConfigurationId(RestErrorHandling.ID)
            .bean(requests, "read")
            .to("direct:tasks.insert");

        from("direct:tasks.create-generation").routeId("tasks.create-generation").routeConfigurationId(RestErrorHandling.ID)
            .bean(requests, "readAs(${body}, ${header.Idempotency-Key}, GENERATION)")
            .to("direct:tasks.insert");

        from("direct:training.create").routeId("training.create").routeConfigurationId(RestErrorHandling.ID)
            .bean(requests, "readAs(${body}, ${header.Idempotency-Key}, TRAINING)")
            .to("direct:tasks.insert");

        from("direct:tasks.insert").routeId("tasks.insert").errorHandler(noErrorHandler())
            .setProperty("queue", simple("${body[queue]}"))
            .setProperty("idempotencyKey", simple("${body[idempotencyKey]}"))
            .to("sql:classpath:sql/compute/task-insert.sql?outputType=SelectOne")
            // a concurrent request with the same key committed first: its task is only visible to a new statement
            .filter(body().isNull())
                .to("sql:classpath:sql/compute/task-by-idempotency-key.sql?outputType=SelectOne")
            .end()
            .setProperty("created", simple("${body[created]}"))
            .process(this::toView)
            .log("Task ${body.id} (${body.taskType}) accepted")
            .filter(exchangeProperty("created").isEqualTo(true))
                .to("direct:tasks.wake-workers")
            .end()
            .choice()
                .when(exchangeProperty("created").isEqualTo(true)).process(json.created())
                .otherwise().process(json.ok());

        from("direct:tasks.wake-workers").routeId("tasks.wake-workers").errorHandler(noErrorHandler())
            .bean(wake, "wake");

        from("direct:tasks.result").routeId("tasks.result").routeConfigurationId(RestErrorHandling.ID)
            .process(JsonResponses.requireUuid("task_id", "Task"))
            .to("sql:classpath:sql/compute/task-by-id.sql?outputType=SelectOne")
            .filter(body().isNull()).throwException(ApiException.notFound("Task")).end()
            .process(this::toView)
            .process(e -> e.getMessage().setBody(TaskResult.of(e.getMessage().getBody(TaskView.class))))
            .process(json.ok());

        from("direct:tasks.cancel").routeId("tasks.cancel").routeConfigurationId(RestErrorHandling.ID)
            .process(JsonResponses.requireUuid("task_id", "Task"))
            .setProperty("expectedType", constant(null))
            .to("direct:tasks.cancel-checked");

        from("direct:training.cancel").routeId("training.cancel").routeConfigurationId(RestErrorHandling.ID)
            .process(JsonResponses.requireUuid("task_id", "Training"))
            .setProperty("expectedType", constant(TaskType.TRAINING.name()))
            .to("direct:tasks.cancel-checked");

        from("direct:tasks.cancel-checked").routeId("tasks.cancel-checked").errorHandler(noErrorHandler())
            .process(e -> e.setProperty("what", e.getProperty("expectedType") == null ? "Task" : "Training"))
            .to("sql:classpath:sql/compute/task-by-id.sql?outputType=SelectOne")
            .process(this::requireExpectedType)
            .setBody(e -> Map.of("task_id", e.getMessage().getHeader("task_id")))
            .to("sql:classpath:sql/compute/task-cancel.sql?outputType=SelectOne")
            .process(e -> {
                Map<?, ?> row = e.getMessage().getBody(Map.class);
                String status = (String) row.get("status");
                if (!Boolean.TRUE.equals(row.get("changed")) && !"cancelled".equals(status)) {
                    throw new ApiException(409, e.getProperty("what") + " already " + status + ": it cannot be cancelled");
                }
                e.setProperty("changed", row.get("changed"));
            })
            .process(this::toView)
            .filter(exchangeProperty("changed").isEqualTo(true))
                .log("Task ${body.id} (${body.taskType}) cancelled")
            .end()
            .process(json.ok());

        from("direct:tasks.get-generation").routeId("tasks.get-generation").routeConfigurationId(RestErrorHandling.ID)
            .process(JsonResponses.requireUuid("task_id", "Generation task"))
            .setProperty("expectedType", constant(TaskType.GENERATION.name()))
            .setProperty("what", constant("Generation task"))
            .to("direct:tasks.get-typed");

        from("direct:training.get").routeId("training.get").routeConfigurationId(RestErrorHandling.ID)
            .process(JsonResponses.requireUuid("task_id", "Training"))
            .setProperty("expectedType", constant(TaskType.TRAINING.name()))
            .setProperty("what", constant("Training"))
            .to("direct:tasks.get-typed");

        from("direct:tasks.get-typed").routeId("tasks.get-typed").errorHandler(noErrorHandler())
            .to("sql:classpath:sql/compute/task-by-id.sql?outputType=SelectOne")
            .process(this::requireExpectedType)
            .process(this::toView)
            .process(json.ok());

        from("direct:tasks.get").routeId("tasks.get").routeConfigurationId(RestErrorHandling.ID)
            .process(JsonResponses.requireUuid("task_id", "Task"))
            .to("sql:classpath:sql/compute/task-by-id.sql?outputType=SelectOne")
            .filter(body().isNull()).throwException(ApiException.notFound("Task")).end()
            .process(this::toView)
            .process(json.ok());
    }

    /** 404 for a missing task, and for a task of another type on a typed endpoint. */
    private void requireExpectedType(Exchange exchange) {
        Map<?, ?> row = exchange.getMessage().getBody(Map.class);
        String expected = exchange.getProperty("expectedType", String.class);
        if (row == null || expected != null && !expected.equals(row.get("task_type"))) {
            throw ApiException.notFound(exchange.getProperty("what", "Task", String.class));
        }
    }

    private void toView(Exchange exchange) throws Exception {
        exchange.getMessage().setBody(TaskView.fromRow(exchange.getMessage().getBody(Map.class), mapper));
    }
}
