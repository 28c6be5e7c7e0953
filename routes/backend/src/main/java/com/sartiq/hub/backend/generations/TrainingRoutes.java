package com.sartiq.hub.backend.generations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sartiq.hub.backend.auth.AuthRoutes;
import com.sartiq.hub.backend.compute.ComputeProperties;
import com.sartiq.hub.backend.compute.ComputeUnavailableException;
import com.sartiq.hub.backend.tenancy.Scope;
import com.sartiq.hub.backend.utils.Paging;
import com.sartiq.hub.common.rest.ApiException;
import com.sartiq.hub.common.rest.FieldError;
import com.sartiq.hub.common.rest.JsonRequestReader;
import com.sartiq.hub.common.rest.JsonResponses;
import com.sartiq.hub.common.rest.RequestValidationException;
import com.sartiq.hub.common.rest.RestErrorHandling;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestParamType;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Trainings: recorded here, run by compute ({@code POST /api/v1/training/}, the training id as idempotency key),
 * followed through compute's {@code training_status_update} events ({@code training.apply-event}, same
 * sequence rule as predictions) and cancelled there.
 */
@Component
public class TrainingRoutes extends RouteBuilder {

    private final JsonRequestReader reader;
    private final JsonResponses json;
    private final ComputeProperties compute;
    private final ObjectMapper mapper;

    public TrainingRoutes(JsonRequestReader reader, JsonResponses json, ComputeProperties compute, ObjectMapper mapper) {
        this.reader = reader;
        this.json = json;
        this.compute = compute;
        this.mapper = mapper;
    }

    @Override
    public void configure() {
        rest("/training").tag("training")
            .get().id("rest.training.list")
                .description("The scope's trainings, newest first")
                .produces("application/json")
                .param().name("organization_id").type(RestParamType.query).required(false).description("Organization (else personal)").endParam()
                .param().name("skip").type(RestParamType.query).required(false).defaultValue("0").endParam()
                .param().name("limit").type(RestParamType.query).required(false).defaultValue("100").endParam()
                .responseMessage().code(200).message("{data: [TrainingPublic], count}").endResponseMessage()
                .security(AuthRoutes.BEARER)
                .to("direct:training.list")
            .post().id("rest.training.create")
                .description("Start a training (LoRA by default) of a product, subject or style at compute")
                .consumes("application/json").produces("application/json").type(TrainingCreate.class).outType(TrainingPublic.class)
                .param().name("organization_id").type(RestParamType.query).required(false).description("Organization (else personal)").endParam()
                .responseMessage().code(201).message("Training submitted").responseModel(TrainingPublic.class).endResponseMessage()
                .responseMessage().code(422).message("Validation error (an entity_id the caller cannot use included)").endResponseMessage()
                .responseMessage().code(503).message("Compute unavailable; the training is recorded as failed").endResponseMessage()
                .security(AuthRoutes.BEARER)
                .to("direct:training.create")
            .get("/{training_id}").id("rest.training.get")
                .description("A training's status and result")
                .produces("application/json").outType(TrainingPublic.class)
                .param().name("training_id").type(RestParamType.path).description("Training id (UUID)").endParam()
                .responseMessage().code(404).message("Training not found").endResponseMessage()
                .security(AuthRoutes.BEARER)
                .to("direct:training.get")
            .post("/{training_id}/cancel").id("rest.training.cancel")
                .description("Cancel a pending or running training (at compute too)")
                .produces("application/json").outType(TrainingPublic.class)
                .param().name("training_id").type(RestParamType.path).description("Training id (UUID)").endParam()
                .responseMessage().code(404).message("Training not found").endResponseMessage()
                .responseMessage().code(409).message("Training already finished").endResponseMessage()
                .security(AuthRoutes.BEARER)
                .to("direct:training.cancel");

        from("direct:training.create").routeId("training.create").routeConfigurationId(RestErrorHandling.ID)
            .to("direct:tenancy.scope")
            .process(this::readRequest)
            .filter(simple("${exchangeProperty.trainingRequest.entityId} != null"))
                .to("sql:classpath:sql/backend/training-entity-visible.sql?outputType=SelectOne")
                .filter(body().isEqualTo(0L))
                    .process(e -> {
                        throw new RequestValidationException(FieldError.body("entity_id",
                                e.getProperty("trainingRequest", TrainingCreate.class).entityType() + " not found", "not_found"));
                    })
                .end()
            .end()
            .process(this::trainingRow)
            .to("sql:classpath:sql/backend/training-insert.sql")
            .doTry()
                .process(this::computeRequest)
                .to("direct:compute.submit-training")
                .setBody(e -> Map.of("trainingId", e.getProperty("trainingId"), "taskId", e.getProperty("taskId")))
                .to("sql:classpath:sql/backend/training-submitted.sql")
            .doCatch(Exception.class)
                .log(LoggingLevel.ERROR, "Submitting training ${exchangeProperty.trainingId} to compute failed: ${exception.message}")
                .setBody(e -> Map.of("trainingId", e.getProperty("trainingId"), "errorMessage",
                        "compute unavailable: " + e.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class).getMessage()))
                .to("sql:classpath:sql/backend/training-submit-failed.sql")
                .setProperty("submitFailed", constant(true))
            .end()
            .filter(exchangeProperty("submitFailed").isEqualTo(true))
                .throwException(ApiException.serviceUnavailable("Compute service unavailable; the training was recorded as failed"))
            .end()
            .setHeader("training_id", exchangeProperty("trainingId"))
            .to("direct:training.find")
            .process(e -> e.getMessage().setBody(TrainingPublic.fromRow(e.getMessage().getBody(Map.class), mapper)))
            .process(json.created());

        from("direct:compute.submit-training").routeId("compute.submit-training")
            .onException(ComputeUnavailableException.class)
                .maximumRedeliveries(compute.submitAttempts() - 1).redeliveryDelay(compute.retryDelayMs())
                .useExponentialBackOff().backOffMultiplier(2).retryAttemptedLogLevel(LoggingLevel.WARN)
            .end()
            .to("direct:compute.create-training");

        from("direct:training.get").routeId("training.get").routeConfigurationId(RestErrorHandling.ID)
            .to("direct:tenancy.scope")
            .to("direct:training.find")
            .process(e -> e.getMessage().setBody(TrainingPublic.fromRow(e.getMessage().getBody(Map.class), mapper)))
            .process(json.ok());

        from("direct:training.list").routeId("training.list").routeConfigurationId(RestErrorHandling.ID)
            .to("direct:tenancy.scope")
            .process(e -> e.getMessage().setBody(Paging.of(e).addTo(e.getProperty(Scope.PROPERTY, Scope.class).params())))
            .to("sql:classpath:sql/backend/training-list.sql?outputType=SelectList")
            .process(this::page)
            .process(json.ok());

        from("direct:training.cancel").routeId("training.cancel").routeConfigurationId(RestErrorHandling.ID)
            .to("direct:tenancy.scope")
            .to("direct:training.find")
            .filter(simple("${body[status]} != 'pending' && ${body[status]} != 'running'"))
                .process(e -> {
                    throw new ApiException(409, "Training already " + e.getMessage().getBody(Map.class).get("status"));
                })
            .end()
            .filter(simple("${body[compute_task_id]} != null"))
                .setHeader("task_id", simple("${body[compute_task_id]}"))
                .to("direct:compute.cancel-training")
            .end()
            .setBody(e -> Map.of("trainingId", e.getProperty("trainingId")))
            .to("sql:classpath:sql/backend/training-cancel.sql")
            .setHeader("training_id", exchangeProperty("trainingId"))
            .to("direct:training.find")
            .process(e -> e.getMessage().setBody(TrainingPublic.fromRow(e.getMessage().getBody(Map.class), mapper)))
            .process(json.ok());

        from("direct:training.find").routeId("training.find").errorHandler(noErrorHandler())
            .process(JsonResponses.requireUuid("training_id", "Training"))
            .to("sql:classpath:sql/backend/training-by-id.sql?outputType=SelectOne")
            .filter(body().isNull()).throwException(ApiException.notFound("Training")).end()
            .setProperty("trainingId", simple("${body[id]}"));

        // property event: a training_status_update; a completed training's output is read from compute
        from("direct:training.apply-event").routeId("training.apply-event").errorHandler(noErrorHandler())
            .setProperty("result", constant(null))
            .filter(simple("${exchangeProperty.event.completed}"))
                .setHeader("task_id", simple("${exchangeProperty.event.taskId}"))
                .to("direct:compute.get-task")
                .setProperty("result", body())
            .end()
            .process(this::eventRow)
            .to("sql:classpath:sql/backend/training-apply-event.sql")
            .filter(header("CamelSqlUpdateCount").isEqualTo(1))
                .log("Training task ${exchangeProperty.event.taskId} is now ${exchangeProperty.event.status} (event ${exchangeProperty.event.sequence})")
            .end();
    }

    private void readRequest(Exchange exchange) {
        TrainingCreate request = reader.read(exchange.getMessage().getBody(String.class), TrainingCreate.class).withDefaults();
        exchange.setProperty("trainingRequest", request);
        Map<String, Object> params = exchange.getProperty(Scope.PROPERTY, Scope.class).params();
        params.put("entityType", request.entityType().name());
        params.put("entityId", request.entityId());
        exchange.getMessage().setBody(params);
    }

    private void trainingRow(Exchange exchange) throws Exception {
        TrainingCreate request = exchange.getProperty("trainingRequest", TrainingCreate.class);
        Map<String, Object> row = exchange.getProperty(Scope.PROPERTY, Scope.class).params();
        String id = UUID.randomUUID().toString();
        exchange.setProperty("trainingId", id);
        row.put("id", id);
        row.put("trainingType", request.trainingType().name());
        row.put("entityType", request.entityType().name());
        row.put("entityId", request.entityId());
        row.put("triggerWord", request.triggerWord());
        row.put("params", mapper.writeValueAsString(request));
        exchange.getMessage().setBody(row);
    }

    private void computeRequest(Exchange exchange) throws Exception {
        TrainingCreate request = exchange.getProperty("trainingRequest", TrainingCreate.class);
        Scope scope = exchange.getProperty(Scope.PROPERTY, Scope.class);
        Map<String, Object> body = new LinkedHashMap<>(mapper.convertValue(request, Map.class));
        body.values().removeIf(v -> v == null);
        body.put("webhook_url", compute.webhookUrl());
        body.put("origin_instance", "backend-hub");
        if (scope.organizationId() != null) {
            body.put("origin_tenant_id", scope.organizationId());
        }
        exchange.getMessage().setHeader("Idempotency-Key", "training-" + exchange.getProperty("trainingId"));
        exchange.getMessage().setBody(mapper.writeValueAsString(body));
    }

    private void eventRow(Exchange exchange) throws Exception {
        TaskEvent event = exchange.getProperty("event", TaskEvent.class);
        JsonNode result = exchange.getProperty("result", JsonNode.class);
        Map<String, Object> row = new HashMap<>();
        row.put("taskId", event.taskId());
        row.put("status", event.status());
        row.put("progress", event.completed() ? 100 : event.progress());
        row.put("sequence", event.sequence());
        row.put("errorMessage", event.errorOrCancelled());
        row.put("result", result == null || result.path("output").isMissingNode() ? null : mapper.writeValueAsString(result.get("output")));
        exchange.getMessage().setBody(row);
    }

    @SuppressWarnings("unchecked")
    private void page(Exchange exchange) {
        List<Map<String, Object>> rows = exchange.getMessage().getBody(List.class);
        List<TrainingPublic> data = rows.stream().filter(r -> r.get("id") != null).map(r -> TrainingPublic.fromRow(r, mapper)).toList();
        long count = rows.isEmpty() || rows.get(0).get("total_count_") == null ? 0 : ((Number) rows.get(0).get("total_count_")).longValue();
        exchange.getMessage().setBody(Paging.page(data, count));
    }
}
