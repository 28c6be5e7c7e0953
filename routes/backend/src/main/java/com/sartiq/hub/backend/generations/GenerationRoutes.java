package com.sartiq.hub.backend.generations;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sartiq.hub.backend.auth.AuthRoutes;
import com.sartiq.hub.backend.tenancy.Scope;
import com.sartiq.hub.backend.utils.Paging;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Generations: create one in the caller's scope (rows first, then each prediction's compute pipeline, a workflow
 * or a task, through {@code generations.submit-predictions}), list, read and cancel them.
 * {@code direct:generations.create} is also the entry of the shots feature: an exchange property {@code shotId}
 * is stored as the generation's shot.
 * Every change ends in {@code generations.changed} (property {@code generationId}), which live clients follow.
 */
@Component
public class GenerationRoutes extends RouteBuilder {

    /** Exchange property naming the shot a generation is made for (set by the shots feature). */
    public static final String SHOT_ID = "shotId";

    private final JsonRequestReader reader;
    private final JsonResponses json;
    private final ObjectMapper mapper;
    private final SecureRandom random = new SecureRandom();

    public GenerationRoutes(JsonRequestReader reader, JsonResponses json, ObjectMapper mapper) {
        this.reader = reader;
        this.json = json;
        this.mapper = mapper;
    }

    @Override
    public void configure() {
        rest("/generations").tag("generations")
            .get().id("rest.generations.list")
                .description("The scope's generations with their predictions, newest first")
                .produces("application/json")
                .param().name("organization_id").type(RestParamType.query).required(false).description("Organization (else personal)").endParam()
                .param().name("skip").type(RestParamType.query).required(false).defaultValue("0").endParam()
                .param().name("limit").type(RestParamType.query).required(false).defaultValue("100").endParam()
                .param().name("status").type(RestParamType.query).required(false).description("pending, processing, completed or failed").endParam()
                .param().name("shot_id").type(RestParamType.query).required(false).endParam()
                .param().name("subject_id").type(RestParamType.query).required(false).endParam()
                .param().name("product_id").type(RestParamType.query).required(false).endParam()
                .param().name("generation_strategy").type(RestParamType.query).required(false).endParam()
                .responseMessage().code(200).message("{data: [GenerationPublic], count}").endResponseMessage()
                .responseMessage().code(422).message("Bad query parameter").endResponseMessage()
                .security(AuthRoutes.BEARER)
                .to("direct:generations.list")
            .post().id("rest.generations.create")
                .description("Create a generation (BASE or AGENTIC; strategy GENERATE by default): batch_size predictions (or one "
                        + "per shot_types entry) with consecutive seeds, each made by its strategy's compute pipeline (a workflow, or one "
                        + "task for a plain BASE GENERATE). Catalog inputs by id or slug must be visible to the caller")
                .consumes("application/json").produces("application/json").type(GenerationCreate.class).outType(GenerationPublic.class)
                .param().name("organization_id").type(RestParamType.query).required(false).description("Organization (else personal)").endParam()
                .responseMessage().code(201).message("Generation created and submitted").responseModel(GenerationPublic.class).endResponseMessage()
                .responseMessage().code(404).message("Organization not found").endResponseMessage()
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
                .to("direct:generations.get")
            .post("/{generation_id}/cancel").id("rest.generations.cancel")
                .description("Cancel a pending or processing generation: its open compute tasks and workflows are cancelled, its open "
                        + "predictions end in error \"Cancelled\", the generation is failed with cancelled_at")
                .produces("application/json").outType(GenerationPublic.class)
                .param().name("generation_id").type(RestParamType.path).description("Generation id (UUID)").endParam()
                .responseMessage().code(200).message("The generation, cancelled").responseModel(GenerationPublic.class).endResponseMessage()
                .responseMessage().code(404).message("Generation not found").endResponseMessage()
                .responseMessage().code(409).message("Generation already completed or failed").endResponseMessage()
                .security(AuthRoutes.BEARER)
                .to("direct:generations.cancel");

        from("direct:generations.create").routeId("generations.create").routeConfigurationId(RestErrorHandling.ID)
            .to("direct:tenancy.scope")
            .process(this::readRequest)
            .to("sql:classpath:sql/backend/generation-references.sql?outputType=SelectOne")
            .process(this::newGeneration)
            .to("direct:generations.start")
            .log("Generation ${body.id} submitted with ${body.batchSize} predictions")
            .process(json.created());

        from("direct:generations.start").routeId("generations.start").errorHandler(noErrorHandler())
            .setProperty("generationId", simple("${body[id]}"))
            .setProperty("liveEventType", constant("generation_created"))
            .to("sql:classpath:sql/backend/generation-insert.sql?outputType=SelectList")
            .setProperty("predictions", body())
            // announced before submission: the predictions' first events may arrive while it runs
            .to("direct:generations.changed")
            .setBody(exchangeProperty("predictions"))
            .doTry()
                .to("direct:generations.submit-predictions")
            .doCatch(Exception.class)
                .log(LoggingLevel.ERROR, "Submitting generation ${exchangeProperty.generationId} to compute failed: ${exception.message}")
                .setBody(e -> Map.of("generationId", e.getProperty("generationId"), "errorMessage",
                        "compute unavailable: " + e.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class).getMessage()))
                .to("sql:classpath:sql/backend/generation-submit-failed.sql")
                .setProperty("submitFailed", constant(true))
            .end()
            .setBody(e -> Map.of("generationId", e.getProperty("generationId")))
            .to("sql:classpath:sql/backend/generation-processing.sql")
            .to("direct:generations.changed")
            // thrown after the try block: inside doCatch the REST error handling would not see it
            .filter(exchangeProperty("submitFailed").isEqualTo(true))
                .throwException(ApiException.serviceUnavailable("Compute service unavailable; the generation was recorded as failed"))
            .end();

        from("direct:generations.get").routeId("generations.get").routeConfigurationId(RestErrorHandling.ID)
            .to("direct:tenancy.scope")
            .to("direct:generations.find")
            .to("direct:generations.load")
            .process(json.ok());

        from("direct:generations.list").routeId("generations.list").routeConfigurationId(RestErrorHandling.ID)
            .to("direct:tenancy.scope")
            .process(e -> e.getMessage().setBody(GenerationRequests.listParams(e.getMessage(), e.getProperty(Scope.PROPERTY, Scope.class))))
            .to("sql:classpath:sql/backend/generation-list.sql?outputType=SelectList")
            .setProperty("generationRows", body())
            .process(e -> e.getMessage().setBody(Map.of("generationIds", ids(e.getProperty("generationRows", List.class)))))
            .to("sql:classpath:sql/backend/prediction-by-generations.sql?outputType=SelectList")
            .process(this::page)
            .process(json.ok());

        from("direct:generations.cancel").routeId("generations.cancel").routeConfigurationId(RestErrorHandling.ID)
            .to("direct:tenancy.scope")
            .to("direct:generations.find")
            .filter(simple("${body[status]} == 'completed' || ${body[status]} == 'failed'"))
                .process(e -> {
                    throw new ApiException(409, "Generation already " + e.getMessage().getBody(Map.class).get("status"));
                })
            .end()
            .setBody(e -> Map.of("generationId", e.getProperty("generationId")))
            .to("sql:classpath:sql/backend/prediction-open-tasks.sql?outputType=SelectList")
            .split(body())
                .setHeader("task_id", simple("${body[task_id]}"))
                .doTry()
                    .to("direct:compute.cancel-task")
                .doCatch(Exception.class)
                    .log(LoggingLevel.WARN, "Cancelling compute task ${header.task_id} failed (its result will be ignored): ${exception.message}")
                .end()
            .end()
            .setBody(e -> Map.of("generationId", e.getProperty("generationId")))
            .to("sql:classpath:sql/backend/prediction-open-workflows.sql?outputType=SelectList")
            .split(body())
                .setHeader("workflow_id", simple("${body[workflow_id]}"))
                .doTry()
                    .to("direct:compute.cancel-workflow")
                .doCatch(Exception.class)
                    .log(LoggingLevel.WARN, "Cancelling compute workflow ${header.workflow_id} failed (its result will be ignored): ${exception.message}")
                .end()
            .end()
            .setBody(e -> Map.of("generationId", e.getProperty("generationId")))
            .to("sql:classpath:sql/backend/generation-cancel.sql")
            .log("Generation ${exchangeProperty.generationId} cancelled")
            .to("direct:generations.changed")
            .to("direct:generations.load")
            .process(json.ok());

        // the caller's generation by the path's id (property generationId), or 404 for an unknown or another tenant's one
        from("direct:generations.find").routeId("generations.find").errorHandler(noErrorHandler())
            .process(JsonResponses.requireUuid("generation_id", "Generation"))
            .to("sql:classpath:sql/backend/generation-by-id.sql?outputType=SelectOne")
            .filter(body().isNull()).throwException(ApiException.notFound("Generation")).end()
            .setProperty("generationId", simple("${body[id]}"));

        // a generation with its predictions (property generationId) as GenerationPublic, whoever owns it; sets generationRow
        from("direct:generations.load").routeId("generations.load").errorHandler(noErrorHandler())
            .setBody(e -> Map.of("generationId", e.getProperty("generationId")))
            .to("sql:classpath:sql/backend/generation-by-id-internal.sql?outputType=SelectOne")
            .filter(body().isNull()).throwException(ApiException.notFound("Generation")).end()
            .setProperty("generationRow", body())
            .to("sql:classpath:sql/backend/prediction-by-generation.sql?outputType=SelectList")
            .process(e -> e.getMessage().setBody(GenerationPublic.fromRows(e.getProperty("generationRow", Map.class),
                    e.getMessage().getBody(List.class), mapper)));
    }

    private void readRequest(Exchange exchange) {
        ObjectNode raw = reader.readObject(exchange.getMessage().getBody(String.class));
        GenerationCreate request = reader.read(raw, GenerationCreate.class);
        request.checkCombinations();
        exchange.setProperty("request", request);
        exchange.setProperty("rawRequest", raw);
        exchange.getMessage().setBody(CatalogInputs.params(request, exchange.getProperty(Scope.PROPERTY, Scope.class).params()));
    }

    @SuppressWarnings("unchecked")
    private void newGeneration(Exchange exchange) {
        GenerationCreate request = exchange.getProperty("request", GenerationCreate.class);
        CatalogInputs inputs = CatalogInputs.of(exchange.getMessage().getBody(Map.class), request, mapper);
        exchange.getMessage().setBody(GenerationRequests.newGeneration(request, exchange.getProperty("rawRequest", ObjectNode.class), inputs,
                exchange.getProperty(Scope.PROPERTY, Scope.class), exchange.getProperty(SHOT_ID, String.class),
                random.nextInt(Integer.MAX_VALUE / 2), mapper));
    }

    /** The {@code generationIds} parameter (a PostgreSQL uuid[] literal) of the rows' ids. */
    public static String ids(List<Map<String, Object>> rows) {
        List<String> ids = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            if (row.get("id") != null) {
                ids.add(row.get("id").toString());
            }
        }
        return "{" + String.join(",", ids) + "}";
    }

    @SuppressWarnings("unchecked")
    private void page(Exchange exchange) {
        List<Map<String, Object>> rows = exchange.getProperty("generationRows", List.class);
        List<Map<String, Object>> predictions = exchange.getMessage().getBody(List.class);
        List<GenerationPublic> data = GenerationPublic.withPredictions(rows, predictions, mapper);
        long count = rows.isEmpty() || rows.get(0).get("total_count_") == null ? 0 : ((Number) rows.get(0).get("total_count_")).longValue();
        exchange.getMessage().setBody(Paging.page(data, count));
    }
}
