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
 * Compute's task events, which arrive twice: as signed webhooks ({@code tasks.webhook}) and on
 * compute's Redis channel ({@code generations.follow-compute-events}). Both apply the event to its
 * prediction ({@code generations.apply-task-event}) only if it is newer than the last one applied.
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
                .description("Compute's task status callback, signed with the shared webhook secret")
                .consumes("application/json").produces("application/json")
                .responseMessage().code(200).message("Applied (or already applied)").endResponseMessage()
                .responseMessage().code(401).message("Missing or invalid signature").endResponseMessage()
                .responseMessage().code(422).message("Not a task event").endResponseMessage()
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
                .log(LoggingLevel.WARN, "Compute event not applied (the webhook will be): ${exception.message}")
            .end();

        from("direct:generations.apply-task-event").routeId("generations.apply-task-event").errorHandler(noErrorHandler())
            .process(e -> e.setProperty("event", TaskEvent.parse(e.getMessage().getBody(String.class), mapper)))
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
                .setBody(e -> Map.of("generationId", e.getMessage().getBody(String.class)))
                .to("sql:classpath:sql/backend/generation-refresh.sql")
                .log("Prediction of task ${exchangeProperty.event.taskId} is now ${exchangeProperty.event.predictionStatus} (event ${exchangeProperty.event.sequence})")
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

    /** The prediction row's new state; a completed task's first image is read from compute. */
    private void predictionUpdate(Exchange exchange) {
        TaskEvent event = exchange.getProperty("event", TaskEvent.class);
        JsonNode result = exchange.getProperty("result", JsonNode.class);
        JsonNode image = result == null ? null : result.path("output").path("images").path(0);
        boolean hasImage = image != null && !image.isMissingNode();
        Map<String, Object> row = new HashMap<>();
        row.put("taskId", event.taskId());
        row.put("status", event.predictionStatus());
        row.put("progress", event.progress());
        row.put("sequence", event.sequence());
        row.put("errorMessage", event.errorMessage());
        row.put("imageUrl", hasImage ? image.path("url").asText() : null);
        row.put("width", hasImage ? image.path("width").asInt() : null);
        row.put("height", hasImage ? image.path("height").asInt() : null);
        exchange.getMessage().setBody(row);
    }
}
