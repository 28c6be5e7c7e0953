package com.sartiq.hub.backend.generations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sartiq.hub.backend.compute.ComputeProperties;
import com.sartiq.hub.backend.compute.ComputeUnavailableException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Predictions to compute, and back when compute's events were missed.
 * <ul>
 *   <li>{@code compute.submit-prediction}: at most {@code hub.compute.submit-concurrency} submissions in flight
 *       (throttle), each through the {@code compute.breaker} circuit breaker, tried {@code submit-attempts} times
 *       with exponential backoff. The prediction id is the idempotency key: a repeated submission answers the
 *       task compute already made.</li>
 *   <li>{@code generations.reconcile}: a clustered quartz job (one instance runs it) looks up predictions quiet
 *       for {@code reconcile-after-seconds} at compute and applies a finished task's final state; one that never
 *       reached compute (the backend stopped in between) is submitted again, with the same key.</li>
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
        // body: the predictions ({id, seed}); property generationRow: their generation
        from("direct:generations.submit-predictions").routeId("generations.submit-predictions").errorHandler(noErrorHandler())
            .split(body()).stopOnException()
                .to("direct:compute.submit-prediction");

        from("direct:compute.submit-prediction").routeId("compute.submit-prediction")
            .onException(ComputeUnavailableException.class, CallNotPermittedException.class)
                .maximumRedeliveries(compute.submitAttempts() - 1).redeliveryDelay(compute.retryDelayMs())
                .useExponentialBackOff().backOffMultiplier(2)
                .retryAttemptedLogLevel(LoggingLevel.WARN)
            .end()
            .setProperty("predictionId", simple("${body[id]}"))
            .process(this::taskRequest)
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
                .to("direct:compute.create-task")
                // the breaker runs the call on a copy of the exchange: the answer travels back in the body
                .setBody(exchangeProperty("taskId"))
            .end()
            .setBody(e -> Map.of("predictionId", e.getProperty("predictionId"), "taskId", e.getMessage().getBody(String.class)))
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
                .when(simple("${body[task_id]} == null"))
                    .setProperty("prediction", body())
                    .setProperty("generationId", simple("${body[generation_id]}"))
                    .to("direct:generations.load")
                    .setBody(exchangeProperty("prediction"))
                    .log(LoggingLevel.WARN, "Prediction ${exchangeProperty.predictionId} never reached compute: submitting it again")
                    .to("direct:compute.submit-prediction")
                    .setBody(e -> Map.of("generationId", e.getProperty("generationId")))
                    .to("sql:classpath:sql/backend/generation-processing.sql")
                    .to("direct:generations.changed")
                .otherwise()
                    .setHeader("task_id", simple("${body[task_id]}"))
                    .to("direct:compute.get-task")
                    .process(e -> e.setProperty("event", TaskEvent.reconciled(e.getMessage().getBody(JsonNode.class))))
                    .choice()
                        .when(simple("${exchangeProperty.event.terminal}"))
                            .log("Reconciliation: task ${exchangeProperty.event.taskId} is ${exchangeProperty.event.status} at compute")
                            .to("direct:generations.apply-prediction-update")
                        .otherwise()
                            .setBody(e -> Map.of("predictionId", e.getProperty("predictionId")))
                            .to("sql:classpath:sql/backend/prediction-touch.sql");
    }

    @SuppressWarnings("unchecked")
    private void taskRequest(Exchange exchange) throws Exception {
        Map<String, Object> prediction = exchange.getMessage().getBody(Map.class);
        Map<String, Object> task = TaskRequests.of(exchange.getProperty("generationRow", Map.class), prediction, compute.webhookUrl(), mapper);
        exchange.getMessage().setHeader("Idempotency-Key", TaskRequests.idempotencyKey(prediction.get("id")));
        exchange.getMessage().setBody(mapper.writeValueAsString(task));
    }
}
