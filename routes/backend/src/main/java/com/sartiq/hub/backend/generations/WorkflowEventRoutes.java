package com.sartiq.hub.backend.generations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compute's workflow events (property {@code event}: a {@link WorkflowEvent}, from the webhook, compute's Redis
 * channel or the reconciliation job) applied to the predictions the workflow is for: an event about no known
 * prediction, or not newer (per-workflow sequence) than the last one applied, changes nothing. While the workflow
 * runs its progress becomes theirs; when it ends its node outputs become their results ({@link WorkflowResults}),
 * read from compute when the event did not carry the workflow. All of a workflow's predictions change in one
 * statement; the generation follows and live clients see it ({@code generations.changed}).
 */
@Component
public class WorkflowEventRoutes extends RouteBuilder {

    private final ObjectMapper mapper;

    public WorkflowEventRoutes(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void configure() {
        from("direct:generations.apply-workflow-event").routeId("generations.apply-workflow-event").errorHandler(noErrorHandler())
            .setBody(e -> lookupParams(e.getProperty("event", WorkflowEvent.class)))
            .to("sql:classpath:sql/backend/prediction-for-workflow-event.sql?outputType=SelectList")
            .choice()
                .when(simple("${body.isEmpty}"))
                    .log(LoggingLevel.DEBUG, "Event of unknown workflow ${exchangeProperty.event.workflowId} ignored")
                .when(this::notNewer)
                    .log(LoggingLevel.DEBUG, "Event ${exchangeProperty.event.sequence} of workflow ${exchangeProperty.event.workflowId} is not newer: ignored")
                .otherwise()
                    .setProperty("predictions", body())
                    .to("direct:generations.apply-workflow-update");

        from("direct:generations.apply-workflow-update").routeId("generations.apply-workflow-update").errorHandler(noErrorHandler())
            .filter(e -> e.getProperty("event", WorkflowEvent.class).needsWorkflow())
                .setHeader("workflow_id", simple("${exchangeProperty.event.workflowId}"))
                .to("direct:compute.get-workflow")
                .process(e -> e.setProperty("event", e.getProperty("event", WorkflowEvent.class).withWorkflow(e.getMessage().getBody(JsonNode.class))))
            .end()
            .process(this::updates)
            .to("sql:classpath:sql/backend/prediction-apply-workflow-event.sql?outputType=SelectList")
            .filter(simple("${body.size} > 0"))
                .setProperty("generationId", simple("${body[0][generation_id]}"))
                .setBody(e -> Map.of("generationId", e.getProperty("generationId")))
                .to("sql:classpath:sql/backend/generation-refresh.sql")
                .log("Predictions of workflow ${exchangeProperty.event.workflowId} follow its ${exchangeProperty.event.status} "
                        + "(${exchangeProperty.event.progress} %, event ${exchangeProperty.event.sequence})")
                .to("direct:generations.changed")
            .end();
    }

    private static Map<String, Object> lookupParams(WorkflowEvent event) {
        Map<String, Object> params = new HashMap<>();
        params.put("workflowId", event.workflowId());
        params.put("predictionIds", event.predictionIdsParam());
        return params;
    }

    /** Every prediction of the workflow has seen this event or a later one (they change together). */
    @SuppressWarnings("unchecked")
    private boolean notNewer(Exchange exchange) {
        int sequence = exchange.getProperty("event", WorkflowEvent.class).sequence();
        List<Map<String, Object>> rows = exchange.getMessage().getBody(List.class);
        return rows.stream().allMatch(r -> ((Number) r.get("workflow_sequence")).intValue() >= sequence);
    }

    @SuppressWarnings("unchecked")
    private void updates(Exchange exchange) throws Exception {
        WorkflowEvent event = exchange.getProperty("event", WorkflowEvent.class);
        List<Map<String, Object>> updates = WorkflowResults.updates(event, exchange.getProperty("predictions", List.class), mapper);
        Map<String, Object> params = new HashMap<>();
        params.put("updates", mapper.writeValueAsString(updates));
        params.put("workflowId", event.workflowId());
        params.put("sequence", event.sequence());
        exchange.getMessage().setBody(params);
    }
}
