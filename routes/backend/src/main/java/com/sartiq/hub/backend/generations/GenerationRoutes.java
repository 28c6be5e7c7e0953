package com.sartiq.hub.backend.generations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sartiq.hub.backend.auth.Logins;
import com.sartiq.hub.backend.compute.ComputeProperties;
import com.sartiq.hub.common.rest.ApiException;
import com.sartiq.hub.common.rest.JsonRequestReader;
import com.sartiq.hub.common.rest.JsonResponses;
import com.sartiq.hub.common.rest.RestErrorHandling;
import com.sartiq.hub.common.security.WebhookSignature;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestParamType;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Generations: create one (rows first, then one compute task per prediction), read it, and follow
 * compute's task events, which arrive both as signed webhooks and on compute's Redis channel.
 */
@Component
public class GenerationRoutes extends RouteBuilder {

    private final Logins logins;
    private final JsonRequestReader reader;
    private final JsonResponses json;
    private final ComputeProperties compute;
    private final ObjectMapper mapper;
    private final SecureRandom random = new SecureRandom();

    public GenerationRoutes(Logins logins, JsonRequestReader reader, JsonResponses json, ComputeProperties compute, ObjectMapper mapper) {
        this.logins = logins;
        this.reader = reader;
        this.json = json;
        this.compute = compute;
        this.mapper = mapper;
    }

    @Override
    public void configure() {
        rest("/generations").tag("generations")
            .post().id("rest.generations.create")
                .description("Create a generation: batch_size predictions with consecutive seeds, each submitted to compute")
                .consumes("application/json").produces("application/json").type(GenerationCreate.class).outType(GenerationPublic.class)
                .responseMessage().code(201).message("Generation created and submitted").responseModel(GenerationPublic.class).endResponseMessage()
                .responseMessage().code(422).message("Validation error").endResponseMessage()
                .responseMessage().code(503).message("Compute unavailable; the generation is recorded as failed").endResponseMessage()
                .to("direct:generations.create")
            .get("/{generation_id}").id("rest.generations.get")
                .description("A generation with its predictions and their image URLs")
                .produces("application/json").outType(GenerationPublic.class)
                .param().name("generation_id").type(RestParamType.path).description("Generation id (UUID)").endParam()
                .responseMessage().code(404).message("Generation not found").endResponseMessage()
                .to("direct:generations.get");
        rest("/tasks").tag("tasks")
            .post("/webhook").id("rest.tasks.webhook")
                .description("Compute's task status callback, signed with the shared webhook secret")
                .consumes("application/json").produces("application/json")
                .responseMessage().code(200).message("Applied (or already applied)").endResponseMessage()
                .responseMessage().code(401).message("Missing or invalid signature").endResponseMessage()
                .to("direct:tasks.webhook");

        from("direct:generations.create").routeId("generations.create").routeConfigurationId(RestErrorHandling.ID)
            .process(logins::identify)
            .process(this::readRequest)
            .to("sql:classpath:sql/backend/generation-insert.sql?outputType=SelectList")
            .doTry()
                .to("direct:generations.submit-predictions")
            .doCatch(Exception.class)
                .log(LoggingLevel.ERROR, "Submitting generation ${exchangeProperty.generationId} to compute failed: ${exception.message}")
                .setBody(e -> Map.of("generationId", e.getProperty("generationId"), "errorMessage", "compute unavailable: " + e.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class).getMessage()))
                .to("sql:classpath:sql/backend/generation-submit-failed.sql")
                .throwException(ApiException.serviceUnavailable("Compute service unavailable; the generation was recorded as failed"))
            .end()
            .setBody(e -> Map.of("generationId", e.getProperty("generationId")))
            .to("sql:classpath:sql/backend/generation-processing.sql")
            .setHeader("generation_id", exchangeProperty("generationId"))
            .to("direct:generations.read")
            .log("Generation ${body.id} submitted with ${body.batchSize} predictions")
            .process(json.created());

        from("direct:generations.get").routeId("generations.get").routeConfigurationId(RestErrorHandling.ID)
            .process(logins::identify)
            .process(JsonResponses.requireUuid("generation_id", "Generation"))
            .to("direct:generations.read")
            .process(json.ok());

        from("direct:generations.read").routeId("generations.read").errorHandler(noErrorHandler())
            .to("sql:classpath:sql/backend/generation-by-id.sql?outputType=SelectOne")
            .filter(body().isNull()).throwException(ApiException.notFound("Generation")).end()
            .setProperty("generationRow", body())
            .to("sql:classpath:sql/backend/prediction-by-generation.sql")
            .process(e -> e.getMessage().setBody(GenerationPublic.fromRows(e.getProperty("generationRow", Map.class), e.getMessage().getBody(List.class))));

        from("direct:generations.submit-predictions").routeId("generations.submit-predictions")
            .split(body()).stopOnException()
                .to("direct:compute.submit-prediction");

        from("direct:compute.submit-prediction").routeId("compute.submit-prediction")
            .onException(ComputeUnavailableException.class)
                .maximumRedeliveries(compute.submitAttempts() - 1).redeliveryDelay(500).useExponentialBackOff()
                .retryAttemptedLogLevel(LoggingLevel.WARN)
            .end()
            .setProperty("predictionId", simple("${body[id]}"))
            .process(this::taskRequest)
            .to("direct:compute.create-task")
            .setBody(e -> Map.of("predictionId", e.getProperty("predictionId"), "taskId", e.getProperty("taskId")))
            .to("sql:classpath:sql/backend/prediction-submitted.sql");

        from("direct:compute.create-task").routeId("compute.create-task").errorHandler(noErrorHandler())
            .removeHeaders("*", "Idempotency-Key")
            .setHeader("Authorization", constant("Bearer " + compute.apiKey()))
            .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
            .setHeader(Exchange.HTTP_METHOD, constant("POST"))
            .doTry()
                .to(compute.baseUrl() + "/api/v1/tasks/?" + compute.httpOptions()).id("compute.http.create-task")
            .doCatch(java.io.IOException.class)
                .throwException(ComputeUnavailableException.class, "compute did not answer: ${exception.message}")
            .end()
            .process(this::readCreatedTask);

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
                .log(LoggingLevel.WARN, "Compute event not applied (the webhook or reconciliation will): ${exception.message}")
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

        from("direct:compute.get-task").routeId("compute.get-task").errorHandler(noErrorHandler())
            .removeHeaders("*", "task_id")
            .setHeader("Authorization", constant("Bearer " + compute.apiKey()))
            .setHeader(Exchange.HTTP_METHOD, constant("GET"))
            .setHeader(Exchange.HTTP_PATH, simple("${header.task_id}"))
            .setBody(constant(null))
            .to(compute.baseUrl() + "/api/v1/tasks?" + compute.httpOptions())
            .filter(header(Exchange.HTTP_RESPONSE_CODE).isNotEqualTo(200))
                .throwException(ComputeUnavailableException.class, "compute answered HTTP ${header.CamelHttpResponseCode} for task ${header.task_id}")
            .end()
            .process(e -> e.getMessage().setBody(mapper.readTree(e.getMessage().getBody(String.class))));
    }

    private void readRequest(Exchange exchange) {
        GenerationCreate request = reader.read(exchange.getMessage().getBody(String.class), GenerationCreate.class)
                .withDefaults(random.nextInt(Integer.MAX_VALUE / 2));
        String id = UUID.randomUUID().toString();
        exchange.setProperty("generationId", id);
        exchange.setProperty("request", request);
        Map<String, Object> row = new HashMap<>();
        row.put("id", id);
        row.put("ownerId", exchange.getProperty("userId"));
        row.put("prompt", request.prompt());
        row.put("negativePrompt", request.negativePrompt());
        row.put("width", request.width());
        row.put("height", request.height());
        row.put("batchSize", request.batchSize());
        row.put("seed", request.seed());
        exchange.getMessage().setBody(row);
    }

    private void taskRequest(Exchange exchange) throws Exception {
        GenerationCreate request = exchange.getProperty("request", GenerationCreate.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> prediction = exchange.getMessage().getBody(Map.class);
        Map<String, Object> task = new HashMap<>();
        task.put("task_type", "GENERATION");
        task.put("prompt", request.prompt());
        task.put("negative_prompt", request.negativePrompt());
        task.put("width", request.width());
        task.put("height", request.height());
        task.put("seed", prediction.get("seed"));
        task.put("webhook_url", compute.webhookUrl());
        task.put("entity_id", prediction.get("id"));
        task.put("origin_instance", "backend-hub");
        exchange.getMessage().setHeader("Idempotency-Key", "prediction-" + prediction.get("id"));
        exchange.getMessage().setBody(mapper.writeValueAsString(task));
    }

    private void readCreatedTask(Exchange exchange) throws Exception {
        int status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        String body = exchange.getMessage().getBody(String.class);
        if (status >= 500 || status == 429) {
            throw new ComputeUnavailableException("compute answered HTTP " + status + ": " + body);
        }
        if (status != 200 && status != 201) {
            throw new IllegalStateException("compute refused the task (HTTP " + status + "): " + body);
        }
        exchange.setProperty("taskId", mapper.readTree(body).path("id").asText());
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

    private void predictionUpdate(Exchange exchange) {
        TaskEvent event = exchange.getProperty("event", TaskEvent.class);
        JsonNode image = exchange.getProperty("result", JsonNode.class) == null ? null
                : exchange.getProperty("result", JsonNode.class).path("output").path("images").path(0);
        Map<String, Object> row = new HashMap<>();
        row.put("taskId", event.taskId());
        row.put("status", event.predictionStatus());
        row.put("progress", event.progress());
        row.put("sequence", event.sequence());
        row.put("errorMessage", event.errorMessage());
        row.put("imageUrl", image == null || image.isMissingNode() ? null : image.path("url").asText());
        row.put("width", image == null || image.isMissingNode() ? null : image.path("width").asInt());
        row.put("height", image == null || image.isMissingNode() ? null : image.path("height").asInt());
        exchange.getMessage().setBody(row);
    }
}
