package com.sartiq.hub.backend.generations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sartiq.hub.backend.compute.ComputeNotFoundException;
import com.sartiq.hub.backend.compute.ComputeProperties;
import com.sartiq.hub.backend.compute.ComputeUnavailableException;
import com.sartiq.hub.backend.generations.Submissions.Submission;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Predictions to compute, and back when compute's events were missed.
 * <ul>
 *   <li>{@code generations.submit-predictions}: the generation's {@link Submissions} (its pipeline's workflows, or
 *       the plain one-task path), each through {@code compute.submit-prediction}.</li>
 *   <li>{@code compute.submit-prediction}: at most {@code hub.compute.submit-concurrency} submissions in flight
 *       (throttle), each through the {@code compute.breaker} circuit breaker, tried {@code submit-attempts} times
 *       with exponential backoff. The idempotency key is the prediction's (or the generation's, for a workflow all
 *       its predictions share): a repeated submission answers the task or workflow compute already made.</li>
 *   <li>{@code generations.reconcile}: a clustered quartz job (one instance runs it) looks up predictions quiet
 *       for {@code reconcile-after-seconds} at compute (their task or workflow) and applies a finished one's final
 *       state; one that never reached compute (the backend stopped in between) is submitted again, with the same key;
 *       one whose task compute does not know (404) fails.</li>
 * </ul>
 */
@Component
public class SubmissionRoutes extends RouteBuilder {

    private final ComputeProperties compute;
    private final ObjectMapper mapper;

    public SubmissionRoutes(ComputeProperties compute, ObjectMapper mapper) {
        this.compute = compute;
        this.mapper = mapper;
    }

    @Override
    public void configure() {
        // body: the predictions ({id, seed, shot_type, workflow_item}, in seed order); property generationRow: their generation
        from("direct:generations.submit-predictions").routeId("generations.submit-predictions").errorHandler(noErrorHandler())
            .process(this::submissions)
            .split(body()).stopOnException()
                .to("direct:compute.submit-prediction");

        // body: one Submission
        from("direct:compute.submit-prediction").routeId("compute.submit-prediction")
            .onException(ComputeUnavailableException.class, CallNotPermittedException.class)
                .maximumRedeliveries(compute.submitAttempts() - 1).redeliveryDelay(compute.retryDelayMs())
                .useExponentialBackOff().backOffMultiplier(2)
                .retryAttemptedLogLevel(LoggingLevel.WARN)
            .end()
            .setProperty("submission", body())
            .process(this::request)
            .throttle(compute.submitConcurrency()).concurrentRequestsMode().id("compute.submit-throttle")
            .circuitBreaker().id("compute.breaker")
                .resilience4jConfiguration()
                    .failureRateThreshold(compute.breakerFailureRate())
                    .minimumNumberOfCalls(compute.breakerMinimumCalls())
                    .slidingWindowSize(Math.max(compute.breakerMinimumCalls(), 20))
                    .waitDurationInOpenState(compute.breakerOpenSeconds())
                    .recordException(ComputeUnavailableException.class)
                    .throwExceptionWhenHalfOpenOrOpenState(true)
                .end()
                .choice()
                    .when(simple("${exchangeProperty.submission.workflow}")).to("direct:compute.create-workflow")
                    .otherwise().to("direct:compute.create-task")
                .end()
                // the breaker runs the call on a copy of the exchange: the answer travels back in the body
                .setBody(exchangeProperty("computeCreated"))
            .end()
            .process(this::submitted)
            .choice()
                .when(simple("${exchangeProperty.submission.workflow}"))
                    .to("sql:classpath:sql/backend/prediction-workflow-submitted.sql")
                .otherwise()
                    .to("sql:classpath:sql/backend/prediction-submitted.sql");

        from("quartz://backend/generations-reconcile?cron=" + compute.reconcileCron().replace(' ', '+') + "&stateful=true&trigger.misfireInstruction=2")
            .routeId("generations.reconcile")
            .setBody(e -> Map.of("ageSeconds", compute.reconcileAfterSeconds(), "limit", compute.reconcileBatch()))
            .to("sql:classpath:sql/backend/prediction-quiet.sql?outputType=SelectList")
            .filter(simple("${body.size} > 0"))
                .log("Reconciliation: ${body.size} quiet prediction(s) looked up at compute")
                .split(body())
                    .doTry()
                        .to("direct:generations.reconcile-prediction")
                    .doCatch(Exception.class)
                        .log(LoggingLevel.WARN, "Reconciling prediction ${exchangeProperty.predictionId} failed (asked again after "
                                + compute.reconcileAfterSeconds() + " s): ${exception.message}")
                        // to the back of the line: a prediction that keeps failing must not hold up the others
                        .setBody(e -> Map.of("predictionId", e.getProperty("predictionId")))
                        .to("sql:classpath:sql/backend/prediction-touch.sql")
                    .end();

        from("direct:generations.reconcile-prediction").routeId("generations.reconcile-prediction").errorHandler(noErrorHandler())
            .setProperty("predictionId", simple("${body[id]}"))
            .choice()
                .when(simple("${body[task_id]} == null && ${body[workflow_id]} == null"))
                    .setProperty("generationId", simple("${body[generation_id]}"))
                    .to("direct:generations.load")
                    .log(LoggingLevel.WARN, "Prediction ${exchangeProperty.predictionId} never reached compute: submitting it again")
                    .setBody(e -> Map.of("generationId", e.getProperty("generationId")))
                    .to("sql:classpath:sql/backend/prediction-of-generation.sql?outputType=SelectList")
                    .process(this::submissionOfPrediction)
                    .to("direct:compute.submit-prediction")
                    .setBody(e -> Map.of("generationId", e.getProperty("generationId")))
                    .to("sql:classpath:sql/backend/generation-processing.sql")
                    .to("direct:generations.changed")
                .when(simple("${body[workflow_id]} != null"))
                    .setHeader("workflow_id", simple("${body[workflow_id]}"))
                    .to("direct:compute.get-workflow")
                    .process(e -> e.setProperty("event", WorkflowEvent.reconciled(e.getMessage().getBody(JsonNode.class))))
                    .choice()
                        .when(simple("${exchangeProperty.event.terminal}"))
                            .log("Reconciliation: workflow ${exchangeProperty.event.workflowId} is ${exchangeProperty.event.status} at compute")
                            .to("direct:generations.apply-workflow-event")
                        .otherwise()
                            .to("direct:generations.reconcile-later")
                    .end()
                .endChoice()
                .otherwise()
                    .setProperty("taskId", simple("${body[task_id]}"))
                    .setHeader("task_id", exchangeProperty("taskId"))
                    .doTry()
                        .to("direct:compute.get-task")
                        .process(e -> e.setProperty("event", TaskEvent.reconciled(e.getMessage().getBody(JsonNode.class))))
                    .doCatch(ComputeNotFoundException.class)
                        .log(LoggingLevel.WARN, "Reconciliation: compute does not know task ${exchangeProperty.taskId} of prediction "
                                + "${exchangeProperty.predictionId}: the prediction fails")
                        .process(e -> e.setProperty("event", TaskEvent.unknownToCompute(e.getProperty("taskId", String.class),
                                e.getProperty("predictionId", String.class))))
                    .end()
                    .choice()
                        .when(simple("${exchangeProperty.event.terminal}"))
                            .log("Reconciliation: task ${exchangeProperty.event.taskId} is ${exchangeProperty.event.status} at compute")
                            .to("direct:generations.apply-prediction-update")
                        .otherwise()
                            .to("direct:generations.reconcile-later");

        // compute says it is still running: ask again only after the configured age
        from("direct:generations.reconcile-later").routeId("generations.reconcile-later").errorHandler(noErrorHandler())
            .setBody(e -> Map.of("predictionId", e.getProperty("predictionId")))
            .to("sql:classpath:sql/backend/prediction-touch.sql");
    }

    @SuppressWarnings("unchecked")
    private void submissions(Exchange exchange) {
        exchange.getMessage().setBody(Submissions.of(exchange.getProperty("generationRow", Map.class), exchange.getMessage().getBody(List.class),
                compute.webhookUrl(), mapper));
    }

    /** The submission that makes the quiet prediction: its own, or the workflow it shares with its generation's others. */
    @SuppressWarnings("unchecked")
    private void submissionOfPrediction(Exchange exchange) {
        String predictionId = exchange.getProperty("predictionId", String.class);
        List<Submission> all = Submissions.of(exchange.getProperty("generationRow", Map.class), exchange.getMessage().getBody(List.class),
                compute.webhookUrl(), mapper);
        exchange.getMessage().setBody(all.stream().filter(s -> s.predictionIds().contains(predictionId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no submission makes prediction " + predictionId)));
    }

    private void request(Exchange exchange) throws Exception {
        Submission submission = exchange.getProperty("submission", Submission.class);
        exchange.getMessage().setHeader("Idempotency-Key", submission.idempotencyKey());
        exchange.getMessage().setBody(mapper.writeValueAsString(submission.request()));
    }

    /** The parameters recording what compute made: a task's id, or a workflow's (with its result task when already known). */
    private void submitted(Exchange exchange) {
        Submission submission = exchange.getProperty("submission", Submission.class);
        JsonNode created = exchange.getMessage().getBody(JsonNode.class);
        Map<String, Object> params = new HashMap<>();
        if (submission.workflow()) {
            params.put("workflowId", created.path("id").asText());
            boolean oneImage = submission.outputs() == GenerationPipelines.Outputs.LAST_IMAGE;
            params.put("taskId", oneImage ? WorkflowResults.resultTaskAtCreation(created) : null);
            params.put("predictionIds", "{" + String.join(",", submission.predictionIds()) + "}");
        } else {
            params.put("taskId", created.path("id").asText());
            params.put("predictionId", submission.predictionIds().get(0));
        }
        exchange.getMessage().setBody(params);
    }
}
