package com.sartiq.hub.backend.generations;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sartiq.hub.backend.auth.AuthRoutes;
import com.sartiq.hub.backend.tenancy.Scope;
import com.sartiq.hub.backend.utils.Paging;
import com.sartiq.hub.common.rest.ApiException;
import com.sartiq.hub.common.rest.FieldError;
import com.sartiq.hub.common.rest.JsonRequestReader;
import com.sartiq.hub.common.rest.JsonResponses;
import com.sartiq.hub.common.rest.RequestValidationException;
import com.sartiq.hub.common.rest.RestErrorHandling;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestParamType;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Refines: a REFINE compute task made from a completed prediction's image. A refine is a one-prediction
 * generation of strategy REFINE (so it is submitted, followed, reconciled and pushed live like any
 * generation) plus a {@code refine} row linking it to its source prediction.
 */
@Component
public class RefineRoutes extends RouteBuilder {

    private final JsonRequestReader reader;
    private final JsonResponses json;
    private final ObjectMapper mapper;

    public RefineRoutes(JsonRequestReader reader, JsonResponses json, ObjectMapper mapper) {
        this.reader = reader;
        this.json = json;
        this.mapper = mapper;
    }

    @Override
    public void configure() {
        rest("/refines").tag("refines")
            .get().id("rest.refines.list")
                .description("The scope's refines, newest first")
                .produces("application/json")
                .param().name("organization_id").type(RestParamType.query).required(false).description("Organization (else personal)").endParam()
                .param().name("prediction_id").type(RestParamType.query).required(false).description("Only refines of this prediction").endParam()
                .param().name("skip").type(RestParamType.query).required(false).defaultValue("0").endParam()
                .param().name("limit").type(RestParamType.query).required(false).defaultValue("100").endParam()
                .responseMessage().code(200).message("{data: [RefinePublic], count}").endResponseMessage()
                .security(AuthRoutes.BEARER)
                .to("direct:refines.list")
            .post().id("rest.refines.create")
                .description("Refine (upscale and enhance) a completed prediction's image: a REFINE task at compute")
                .consumes("application/json").produces("application/json").type(RefineCreate.class).outType(RefinePublic.class)
                .param().name("organization_id").type(RestParamType.query).required(false).description("Organization (else personal)").endParam()
                .responseMessage().code(201).message("Refine created and submitted").responseModel(RefinePublic.class).endResponseMessage()
                .responseMessage().code(404).message("Prediction not found").endResponseMessage()
                .responseMessage().code(409).message("Prediction not completed").endResponseMessage()
                .responseMessage().code(422).message("Validation error").endResponseMessage()
                .responseMessage().code(503).message("Compute unavailable").endResponseMessage()
                .security(AuthRoutes.BEARER)
                .to("direct:refines.create")
            .get("/{refine_id}").id("rest.refines.get")
                .description("A refine with its state and result")
                .produces("application/json").outType(RefinePublic.class)
                .param().name("refine_id").type(RestParamType.path).description("Refine id (UUID)").endParam()
                .responseMessage().code(404).message("Refine not found").endResponseMessage()
                .security(AuthRoutes.BEARER)
                .to("direct:refines.get");

        from("direct:refines.create").routeId("refines.create").routeConfigurationId(RestErrorHandling.ID)
            .to("direct:tenancy.scope")
            .process(e -> {
                RefineCreate request = reader.read(e.getMessage().getBody(String.class), RefineCreate.class);
                e.setProperty("refineRequest", request);
                e.getMessage().setHeader("prediction_id", request.predictionId());
            })
            .to("direct:predictions.find")
            .filter(simple("${body[status]} != 'completed' || ${body[result_image_url]} == null"))
                .throwException(new ApiException(409, "Prediction not completed: only a completed image can be refined"))
            .end()
            .process(this::refineGeneration)
            .to("direct:generations.start")
            .process(e -> e.getMessage().setBody(refineRow(e)))
            .setProperty("refineId", simple("${body[id]}"))
            .to("sql:classpath:sql/backend/refine-insert.sql")
            .setHeader("refine_id", exchangeProperty("refineId"))
            .to("sql:classpath:sql/backend/refine-by-id.sql?outputType=SelectOne")
            .process(e -> e.getMessage().setBody(RefinePublic.fromRow(e.getMessage().getBody(Map.class))))
            .log("Refine ${body.id} of prediction ${body.sourcePredictionId} submitted")
            .process(json.created());

        from("direct:refines.get").routeId("refines.get").routeConfigurationId(RestErrorHandling.ID)
            .to("direct:tenancy.scope")
            .process(JsonResponses.requireUuid("refine_id", "Refine"))
            .to("sql:classpath:sql/backend/refine-by-id.sql?outputType=SelectOne")
            .filter(body().isNull()).throwException(ApiException.notFound("Refine")).end()
            .process(e -> e.getMessage().setBody(RefinePublic.fromRow(e.getMessage().getBody(Map.class))))
            .process(json.ok());

        from("direct:refines.list").routeId("refines.list").routeConfigurationId(RestErrorHandling.ID)
            .to("direct:tenancy.scope")
            .process(e -> {
                List<FieldError> errors = new ArrayList<>();
                Map<String, Object> params = Paging.read(e.getMessage(), errors).addTo(e.getProperty(Scope.PROPERTY, Scope.class).params());
                params.put("predictionId", GenerationRequests.uuidParam(e.getMessage(), "prediction_id", errors));
                if (!errors.isEmpty()) {
                    throw new RequestValidationException(errors);
                }
                e.getMessage().setBody(params);
            })
            .to("sql:classpath:sql/backend/refine-list.sql?outputType=SelectList")
            .process(RefineRoutes::page)
            .process(json.ok());
    }

    /** The REFINE generation of the source prediction (the body: its row), as a GenerationCreate would ask for it. */
    @SuppressWarnings("unchecked")
    private void refineGeneration(Exchange exchange) {
        Map<String, Object> source = exchange.getMessage().getBody(Map.class);
        RefineCreate refine = exchange.getProperty("refineRequest", RefineCreate.class);
        ObjectNode raw = mapper.createObjectNode()
                .put("generation_strategy", GenerationCreate.GenerationStrategy.REFINE.name())
                .put("prompt", refine.prompt() != null && !refine.prompt().isBlank() ? refine.prompt() : (String) source.get("generation_prompt"))
                .put("input_image_url", (String) source.get("result_image_url"))
                .put("seed", ((Number) source.get("seed")).longValue())
                .put("batch_size", 1)
                .put("source_prediction_id", String.valueOf(source.get("id")));
        if (source.get("width") != null && source.get("height") != null) {
            raw.put("width", (Integer) source.get("width")).put("height", (Integer) source.get("height"));
        }
        if (refine.scaleFactor() != null) {
            raw.put("scale_factor", refine.scaleFactor());
        }
        GenerationCreate request = reader.read(raw, GenerationCreate.class);
        exchange.getMessage().setBody(GenerationRequests.newGeneration(request, raw, CatalogInputs.NONE,
                exchange.getProperty(Scope.PROPERTY, Scope.class), null, 0, mapper));
    }

    private static Map<String, Object> refineRow(Exchange exchange) {
        Scope scope = exchange.getProperty(Scope.PROPERTY, Scope.class);
        Map<String, Object> row = scope.params();
        row.put("id", UUID.randomUUID().toString());
        row.put("sourcePredictionId", exchange.getProperty("predictionId"));
        row.put("generationId", exchange.getProperty("generationId"));
        row.put("scaleFactor", exchange.getProperty("refineRequest", RefineCreate.class).scaleFactor());
        return row;
    }

    @SuppressWarnings("unchecked")
    private static void page(Exchange exchange) {
        List<Map<String, Object>> rows = exchange.getMessage().getBody(List.class);
        List<RefinePublic> data = rows.stream().filter(r -> r.get("id") != null).map(RefinePublic::fromRow).toList();
        long count = rows.isEmpty() || rows.get(0).get("total_count_") == null ? 0 : ((Number) rows.get(0).get("total_count_")).longValue();
        exchange.getMessage().setBody(Paging.page(data, count));
    }
}
