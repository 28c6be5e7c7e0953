package com.sartiq.hub.backend.generations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sartiq.hub.backend.compute.ComputeProperties;
import com.sartiq.hub.common.rest.ApiException;
import com.sartiq.hub.common.rest.JsonResponses;
import com.sartiq.hub.common.rest.RestErrorHandling;
import com.sartiq.hub.common.security.WebhookSignature;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * Compute's events, which arrive twice: as signed webhooks ({@code tasks.webhook}) and on compute's Redis
 * channel ({@code generations.follow-compute-events}); the reconciliation job makes a third kind from a task it
 * read. A task's event goes through {@code generations.apply-event}: an event about no known prediction, or not
 * newer (per-task sequence) than the last one applied, changes nothing. A change is published to live clients
 * ({@code generations.changed}). Workflows' events go to {@code generations.apply-workflow-event}, trainings'
 * to {@code training.apply-event}.
 */
@Component
public class TaskEventRoutes extends RouteBuilder {

    private final JsonResponses json;
    private final ComputeProperties compute;
    private final ObjectMapper mapper;

    public TaskEventRoutes(JsonResponses json, ComputeProperties compute, ObjectMapper mapper) {
        this.json = json;
        this.compute = compute;
        this.mapper = mapper;
    }

    @Override
    public void configure() {
        rest("/tasks").tag("tasks")
            .post("/webhook").id("rest.tasks.webhook")
                .description("Compute's task and workflow status callback, signed with the shared webhook secret. Idempotent: an "
                        + "unknown task or workflow, a repeated or an older event (per-task or per-workflow sequence) changes nothing")
                .consumes("application/json").produces("application/json")
                .responseMessage().code(200).message("Applied (or already applied, or about no known task)").endResponseMessage()
                .responseMessage().code(401).message("Missing or invalid signature").endResponseMessage()
                .responseMessage().code(422).message("Not a task or workflow event").endResponseMessage()
                .to("direct:tasks.webhook");

        from("direct:tasks.webhook").routeId("tasks.webhook").routeConfigurationId(RestErrorHandling.ID)
            .convertBodyTo(String.class)
            .process(this::verifySignature)
            .to("direct:generations.apply-task-event")
            .setBody(constant(Map.of("message", "ok")))
            .process(json.ok());

        from("spring-redis://compute?command=SUBSCRIBE&channels=" + compute.eventsChannel()
                + "&listenerContainer=#computeEventsListener&serializer=#stringRedisSerializer")
            .routeId("generations.follow-compute-events")
            .doTry()
                .to("direct:generations.apply-task-event")
            .doCatch(Exception.class)
                .log(LoggingLevel.WARN, "Compute event not applied (the webhook or the reconciliation will be): ${exception.message}")
            .end();

        from("direct:generations.apply-task-event").routeId("generations.apply-task-event").errorHandler(noErrorHandler())
            .process(e -> e.setProperty("event", event(e.getMessage().getBody(String.class))))
            .choice()
                .when(exchangeProperty("event").isInstanceOf(WorkflowEvent.class)).to("direct:generations.apply-workflow-event")
                .when(simple("${exchangeProperty.event.training}")).to("direct:training.apply-event")
                .otherwise().to("direct:generations.apply-event");

        from("direct:generations.apply-event").routeId("generations.apply-event").errorHandler(noErrorHandler())
            .setBody(e -> eventParams(e.getProperty("event", TaskEvent.class)))
            .to("sql:classpath:sql/backend/prediction-for-event.sql?outputType=SelectOne")
            .choice()
                .when(body().isNull())
                    .log(LoggingLevel.DEBUG, "Event of unknown task ${exchangeProperty.event.taskId} ignored")
                .when(simple("${body[task_sequence]} >= ${exchangeProperty.event.sequence}"))
                    .log(LoggingLevel.DEBUG, "Event ${exchangeProperty.event.sequence} of task ${exchangeProperty.event.taskId} is not newer: ignored")
                .otherwise()
                    .setProperty("predictionId", simple("${body[id]}"))
                    .to("direct:generations.apply-prediction-update");

        from("direct:generations.apply-prediction-update").routeId("generations.apply-prediction-update").errorHandler(noErrorHandler())
            .setProperty("result", constant(null))
            .filter(simple("${exchangeProperty.event.completed}"))
                .setHeader("task_id", simple("${exchangeProperty.event.taskId}"))
                .to("direct:compute.get-task")
                .setProperty("result", body())
            .end()
            .process(this::predictionUpdate)
            .to("sql:classpath:sql/backend/prediction-apply-event.sql?outputType=SelectOne")
            .filter(body().isNotNull())
                // one column: camel-sql hands back the value itself
                .setProperty("generationId", body())
                .setBody(e -> Map.of("generationId", e.getProperty("generationId")))
                .to("sql:classpath:sql/backend/generation-refresh.sql")
                .log("Prediction of task ${exchangeProperty.event.taskId} is now ${exchangeProperty.event.predictionStatus} (event ${exchangeProperty.event.sequence})")
                .to("direct:generations.changed")
            .end();
    }

    private void verifySignature(Exchange exchange) {
        var message = exchange.getMessage();
        boolean valid = WebhookSignature.verify(compute.webhookSecret(), message.getHeader(WebhookSignature.TIMESTAMP_HEADER, String.class),
                message.getHeader(WebhookSignature.SIGNATURE_HEADER, String.class), message.getBody(String.class),
                System.currentTimeMillis() / 1000, 300);
        if (!valid) {
            throw ApiException.unauthorized("Invalid webhook signature");
        }
    }

    /** A compute event: a workflow's ({@link WorkflowEvent}) or a task's ({@link TaskEvent}), told apart by its event_type. */
    private Object event(String body) {
        JsonNode json = TaskEvent.read(body, mapper);
        return WorkflowEvent.about(json) ? WorkflowEvent.parse(json) : TaskEvent.parse(json);
    }

    private static Map<String, Object> eventParams(TaskEvent event) {
        Map<String, Object> params = new HashMap<>();
        params.put("taskId", event.taskId());
        params.put("entityId", event.entityId());
        return params;
    }

    /** The prediction row's new state; a completed task's first output (image or video) is read from compute. */
    private void predictionUpdate(Exchange exchange) {
        TaskEvent event = exchange.getProperty("event", TaskEvent.class);
        JsonNode result = exchange.getProperty("result", JsonNode.class);
        JsonNode output = result == null ? null : result.path("output").path("images").path(0);
        boolean hasOutput = output != null && !output.isMissingNode();
        boolean video = hasOutput && output.path("content_type").asText("").startsWith("video/");
        Map<String, Object> row = new HashMap<>();
        row.put("predictionId", exchange.getProperty("predictionId"));
        row.put("taskId", event.taskId());
        row.put("status", event.predictionStatus());
        row.put("progress", event.completed() ? 100 : event.progress());
        row.put("sequence", event.sequence());
        row.put("errorMessage", event.errorOrCancelled());
        row.put("imageUrl", hasOutput && !video ? output.path("url").asText() : null);
        row.put("videoUrl", video ? output.path("url").asText() : null);
        row.put("width", hasOutput && output.hasNonNull("width") ? output.path("width").asInt() : null);
        row.put("height", hasOutput && output.hasNonNull("height") ? output.path("height").asInt() : null);
        exchange.getMessage().setBody(row);
    }
}
