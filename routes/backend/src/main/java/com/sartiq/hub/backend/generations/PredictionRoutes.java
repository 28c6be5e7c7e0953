package com.sartiq.hub.backend.generations;

import com.sartiq.hub.backend.auth.AuthRoutes;
import com.sartiq.hub.backend.tenancy.Scope;
import com.sartiq.hub.backend.utils.Paging;
import com.sartiq.hub.common.rest.ApiException;
import com.sartiq.hub.common.rest.FieldError;
import com.sartiq.hub.common.rest.JsonResponses;
import com.sartiq.hub.common.rest.RequestValidationException;
import com.sartiq.hub.common.rest.RestErrorHandling;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestParamType;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Predictions: list (filters {@code generation_id}, {@code shot_id}, {@code status}, {@code selected}), read,
 * and select one as the chosen output. The selected image of a shot's generation joins the shot's current
 * revision ({@code shots.add-prediction-image}) before the prediction is marked.
 */
@Component
public class PredictionRoutes extends RouteBuilder {

    private static final Set<String> STATUSES = Set.of("pending", "generating", "completed", "error");

    private final JsonResponses json;

    public PredictionRoutes(JsonResponses json) {
        this.json = json;
    }

    @Override
    public void configure() {
        rest("/predictions").tag("predictions")
            .get().id("rest.predictions.list")
                .description("The scope's predictions, newest generation first")
                .produces("application/json")
                .param().name("organization_id").type(RestParamType.query).required(false).description("Organization (else personal)").endParam()
                .param().name("skip").type(RestParamType.query).required(false).defaultValue("0").endParam()
                .param().name("limit").type(RestParamType.query).required(false).defaultValue("100").endParam()
                .param().name("generation_id").type(RestParamType.query).required(false).endParam()
                .param().name("shot_id").type(RestParamType.query).required(false).endParam()
                .param().name("status").type(RestParamType.query).required(false).description("pending, generating, completed or error").endParam()
                .param().name("selected").type(RestParamType.query).required(false).description("true or false").endParam()
                .responseMessage().code(200).message("{data: [PredictionPublic], count}").endResponseMessage()
                .responseMessage().code(422).message("Bad query parameter").endResponseMessage()
                .security(AuthRoutes.BEARER)
                .to("direct:predictions.list")
            .get("/{prediction_id}").id("rest.predictions.get")
                .description("A prediction")
                .produces("application/json").outType(PredictionPublic.class)
                .param().name("prediction_id").type(RestParamType.path).description("Prediction id (UUID)").endParam()
                .responseMessage().code(404).message("Prediction not found").endResponseMessage()
                .security(AuthRoutes.BEARER)
                .to("direct:predictions.get")
            .post("/{prediction_id}/select").id("rest.predictions.select")
                .description("Mark a completed prediction as the chosen output (again: no change)")
                .produces("application/json").outType(PredictionPublic.class)
                .param().name("prediction_id").type(RestParamType.path).description("Prediction id (UUID)").endParam()
                .responseMessage().code(200).message("The prediction, selected").responseModel(PredictionPublic.class).endResponseMessage()
                .responseMessage().code(404).message("Prediction not found").endResponseMessage()
                .responseMessage().code(409).message("Prediction not completed").endResponseMessage()
                .security(AuthRoutes.BEARER)
                .to("direct:predictions.select");

        from("direct:predictions.list").routeId("predictions.list").routeConfigurationId(RestErrorHandling.ID)
            .to("direct:tenancy.scope")
            .process(e -> e.getMessage().setBody(listParams(e.getMessage(), e.getProperty(Scope.PROPERTY, Scope.class))))
            .to("sql:classpath:sql/backend/prediction-list.sql?outputType=SelectList")
            .process(PredictionRoutes::page)
            .process(json.ok());

        from("direct:predictions.get").routeId("predictions.get").routeConfigurationId(RestErrorHandling.ID)
            .to("direct:tenancy.scope")
            .to("direct:predictions.find")
            .process(e -> e.getMessage().setBody(PredictionPublic.fromRow(e.getMessage().getBody(Map.class))))
            .process(json.ok());

        from("direct:predictions.select").routeId("predictions.select").routeConfigurationId(RestErrorHandling.ID)
            .to("direct:tenancy.scope")
            .to("direct:predictions.find")
            .filter(simple("${body[status]} != 'completed'"))
                .throwException(new ApiException(409, "Prediction not completed: only a completed prediction can be selected"))
            .end()
            .setProperty("generationId", simple("${body[generation_id]}"))
            .setProperty("shotId", simple("${body[shot_id]}"))
            .setProperty("resultImageUrl", simple("${body[result_image_url]}"))
            .setProperty("alreadySelected", simple("${body[selected]}"))
            .filter(exchangeProperty("alreadySelected").isEqualTo(false))
                .filter(exchangeProperty("shotId").isNotNull())
                    // the shot takes the image first: an approved shot refuses (409) before anything is marked
                    .setHeader("shotId", exchangeProperty("shotId"))
                    .setHeader("predictionId", exchangeProperty("predictionId"))
                    .setBody(exchangeProperty("resultImageUrl"))
                    .to("direct:shots.add-prediction-image")
                .end()
                .setBody(e -> Map.of("predictionId", e.getProperty("predictionId")))
                .to("sql:classpath:sql/backend/prediction-select.sql")
                .to("direct:generations.changed")
            .end()
            .to("direct:predictions.find")
            .process(e -> e.getMessage().setBody(PredictionPublic.fromRow(e.getMessage().getBody(Map.class))))
            .process(json.ok());

        from("direct:predictions.find").routeId("predictions.find").errorHandler(noErrorHandler())
            .process(JsonResponses.requireUuid("prediction_id", "Prediction"))
            .to("sql:classpath:sql/backend/prediction-by-id.sql?outputType=SelectOne")
            .filter(body().isNull()).throwException(ApiException.notFound("Prediction")).end()
            .setProperty("predictionId", simple("${body[id]}"));
    }

    static Map<String, Object> listParams(Message in, Scope scope) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Object> params = Paging.read(in, errors).addTo(scope.params());
        params.put("generationId", GenerationRequests.uuidParam(in, "generation_id", errors));
        params.put("shotId", GenerationRequests.uuidParam(in, "shot_id", errors));
        String status = in.getHeader("status", String.class);
        if (status != null && !STATUSES.contains(status)) {
            errors.add(new FieldError(List.of("query", "status"), "Input should be 'pending', 'generating', 'completed' or 'error'", "enum"));
        }
        params.put("status", status);
        String selected = in.getHeader("selected", String.class);
        if (selected != null && !selected.equals("true") && !selected.equals("false")) {
            errors.add(new FieldError(List.of("query", "selected"), "Input should be a valid boolean", "bool_parsing"));
        }
        params.put("selected", selected == null ? null : Boolean.valueOf(selected));
        if (!errors.isEmpty()) {
            throw new RequestValidationException(errors);
        }
        return params;
    }

    @SuppressWarnings("unchecked")
    private static void page(Exchange exchange) {
        List<Map<String, Object>> rows = exchange.getMessage().getBody(List.class);
        List<PredictionPublic> data = rows.stream().filter(r -> r.get("id") != null).map(PredictionPublic::fromRow).toList();
        long count = rows.isEmpty() || rows.get(0).get("total_count_") == null ? 0 : ((Number) rows.get(0).get("total_count_")).longValue();
        exchange.getMessage().setBody(Paging.page(data, count));
    }
}
