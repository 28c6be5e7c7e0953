package com.sartiq.hub.compute.fal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sartiq.hub.compute.config.ConditionalOnRole;
import com.sartiq.hub.compute.providers.ProviderCallException;
import com.sartiq.hub.compute.providers.ProviderCalls;
import com.sartiq.hub.compute.tasks.ErrorCategory;
import com.sartiq.hub.compute.tasks.TaskFailedException;
import com.sartiq.hub.processors.fal.FalModel;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The inference worker's handler ({@code direct:fal.run-sync}, queue {@code inference}): quick fal models called
 * synchronously ({@code POST https://fal.run/{model}}, answer in the same connection) through the
 * {@code provider-call} instance of the {@code fal-sync} provider — its own concurrency limit across instances, its
 * own timeouts, one HTTP call per attempt. Same model mapping as the queue ({@code hub.providers.fal.models}), same
 * result handling ({@code fal.collect}). fal neither dedupes nor retries synchronous runs, so a lost answer (read
 * timeout, 504) fails the task without another attempt: the model may have run and been paid for. A refused run
 * (429, 503, connection refused, no slot) is retried as a new attempt; a rejected input fails.
 */
@Component
@ConditionalOnRole("inference")
public class FalSyncRoutes extends RouteBuilder {

    private final FalProperties fal;
    private final ObjectMapper mapper;
    private final String provider;

    public FalSyncRoutes(FalProperties fal, ObjectMapper mapper, @Value("${hub.inference.provider:fal-sync}") String provider) {
        this.fal = fal;
        this.mapper = mapper;
        this.provider = provider;
    }

    @Override
    public void configure() {
        from("direct:fal.run-sync").routeId("fal.run-sync").errorHandler(noErrorHandler())
            .process(this::prepare)
            .doTry()
                .to("direct:fal.call")
            .doCatch(ProviderCallException.class)
                .process(e -> {
                    throw verdict(e.getProperty(Exchange.EXCEPTION_CAUGHT, ProviderCallException.class));
                })
            .end()
            .process(e -> e.getMessage().setBody(mapper.readTree(e.getMessage().getBody(String.class))))
            .log("Task ${exchangeProperty.taskId} run by fal (${exchangeProperty.falModelId}), copying its result")
            .doTry()
                .to("direct:fal.collect")
            .doCatch(Exception.class)
                // the run is done and paid for: a retry would run it again
                .process(e -> {
                    throw new TaskFailedException(ErrorCategory.PROVIDER_ERROR, "fal ran it but its result could not be stored: "
                            + e.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class).getMessage(), false);
                })
            .end();
    }

    private void prepare(Exchange exchange) throws Exception {
        JsonNode params = mapper.readTree(exchange.getMessage().getBody(String.class));
        FalModel model;
        try {
            model = fal.model(exchange.getProperty("taskType", String.class));
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new TaskFailedException(ErrorCategory.INVALID_INPUT, e.getMessage(), false);
        }
        exchange.setProperty("params", params);
        exchange.setProperty("falModelId", model.model());
        exchange.setProperty(FalCallRecords.OPERATION, "run");
        exchange.setProperty(FalCallRecords.ENDPOINT, provider);
        exchange.removeProperty(ProviderCalls.URL);
        exchange.setProperty(ProviderCalls.PATH, "/" + model.model());
        exchange.setProperty(ProviderCalls.METHOD, "POST");
        exchange.setProperty(ProviderCalls.HOLDER, exchange.getProperty("taskId"));
        // fal ignores it; it lets a simulator (or a proxy) count runs per task
        exchange.setProperty(ProviderCalls.IDEMPOTENCY_KEY, "task-" + exchange.getProperty("taskId"));
        exchange.getMessage().setBody(model.input(params).toString());
    }

    /** What a failed run means for the task. */
    static TaskFailedException verdict(ProviderCallException call) {
        return switch (call.kind()) {
            case INVALID -> new TaskFailedException(ErrorCategory.INVALID_INPUT, "fal rejected the request: " + call.getMessage(), false);
            case AMBIGUOUS -> new TaskFailedException(ErrorCategory.TIMEOUT,
                    "fal run outcome unknown (" + call.getMessage() + "); not run again, it may have run and been paid for", false);
            case UNAVAILABLE -> call.status() == 503 || call.status() == 502
                    ? new TaskFailedException(ErrorCategory.PROVIDER_ERROR, "fal refused the run: " + call.getMessage(), true)
                    : call.status() == 504
                    ? new TaskFailedException(ErrorCategory.TIMEOUT, "fal run outcome unknown (" + call.getMessage() + "); not run again", false)
                    : new TaskFailedException(ErrorCategory.PROVIDER_ERROR, "fal run failed: " + call.getMessage(), true);
            case NOT_SENT -> new TaskFailedException(ErrorCategory.NETWORK, "fal not reached: " + call.getMessage(), true);
            default -> new TaskFailedException(ErrorCategory.PROVIDER_ERROR, "fal did not run it: " + call.getMessage(), true);
        };
    }
}
