package com.sartiq.hub.backend.generations;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sartiq.hub.backend.auth.AuthRoutes;
import com.sartiq.hub.backend.auth.Logins;
import com.sartiq.hub.backend.compute.ComputeProperties;
import com.sartiq.hub.backend.compute.ComputeUnavailableException;
import com.sartiq.hub.common.rest.ApiException;
import com.sartiq.hub.common.rest.JsonRequestReader;
import com.sartiq.hub.common.rest.JsonResponses;
import com.sartiq.hub.common.rest.RestErrorHandling;
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
 * Generations: create one (rows first, then one compute task per prediction, retried safely with
 * the prediction as idempotency key) and read it. Their progress arrives through {@link TaskEventRoutes}.
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
                .security(AuthRoutes.BEARER)
                .to("direct:generations.create")
            .get("/{generation_id}").id("rest.generations.get")
                .description("A generation with its predictions and their image URLs")
                .produces("application/json").outType(GenerationPublic.class)
                .param().name("generation_id").type(RestParamType.path).description("Generation id (UUID)").endParam()
                .responseMessage().code(404).message("Generation not found").endResponseMessage()
                .security(AuthRoutes.BEARER)
                .to("direct:generations.get");
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
                .setProperty("submitFailed", constant(true))
            .end()
            // thrown after the try block: inside doCatch the REST error handling would not see it
            .filter(exchangeProperty("submitFailed").isEqualTo(true))
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

        from("direct:generations.submit-predictions").routeId("generations.submit-predictions").errorHandler(noErrorHandler())
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
}
