package com.sartiq.hub.compute.fal;

import com.sartiq.hub.compute.providers.ProviderCallException;
import com.sartiq.hub.compute.providers.ProviderCalls;
import org.apache.camel.Exchange;

import java.util.HashMap;
import java.util.Map;

/**
 * The job history of fal calls ({@code direct:fal.call}): one {@code provider_attempt} row per call — operation
 * ({@code submit}, {@code status}, {@code result}, {@code cancel}, {@code run}), outcome ({@code succeeded} or the
 * failure kind), the last HTTP status, HTTP calls made (retries included) and latency — as the LLM worker records
 * its answers. Inputs are exchange properties: {@link #OPERATION}, {@link #ENDPOINT} (the {@code provider-call}
 * instance), {@code falModelId}, {@code taskId}, {@code attempt}.
 */
public class FalCallRecords {

    public static final String OPERATION = "falOperation";
    public static final String ENDPOINT = "falEndpoint";

    private static final String STARTED = "falCallStarted";
    private static final String FAILURE = "falCallFailure";
    private static final String STATUS = "falCallStatus";
    private static final String BODY = "falCallBody";

    public void start(Exchange exchange) {
        exchange.setProperty(STARTED, System.nanoTime());
        exchange.removeProperty(FAILURE);
        exchange.removeProperty(STATUS);
    }

    public void succeeded(Exchange exchange) {
        exchange.setProperty(STATUS, exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class));
        exchange.setProperty(BODY, exchange.getMessage().getBody());
    }

    public void failed(Exchange exchange) {
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        exchange.removeProperty(Exchange.EXCEPTION_CAUGHT);
        exchange.setProperty(FAILURE, error);
        if (error instanceof ProviderCallException call && call.status() > 0) {
            exchange.setProperty(STATUS, call.status());
        }
    }

    /** The parameters of {@code provider-attempt-insert.sql} for the call just made. */
    public Map<String, Object> row(Exchange exchange) {
        Throwable failure = exchange.getProperty(FAILURE, Throwable.class);
        Long started = exchange.getProperty(STARTED, Long.class);
        Map<String, Object> row = new HashMap<>();
        row.put("taskId", exchange.getProperty("taskId", String.class));
        row.put("taskAttempt", exchange.getProperty("attempt", 0, Integer.class));
        row.put("provider", exchange.getProperty(ENDPOINT, String.class).replaceAll("-read$", ""));
        row.put("model", exchange.getProperty("falModelId", String.class));
        row.put("operation", exchange.getProperty(OPERATION, String.class));
        row.put("outcome", failure == null ? "succeeded"
                : failure instanceof ProviderCallException call ? call.kind().name().toLowerCase() : "failed");
        row.put("httpStatus", exchange.getProperty(STATUS, Integer.class));
        row.put("calls", exchange.getProperty(ProviderCalls.ATTEMPTS, 0, Integer.class));
        row.put("durationMs", started == null ? 0L : (System.nanoTime() - started) / 1_000_000);
        row.put("error", failure == null ? null : abbreviate(String.valueOf(failure.getMessage())));
        row.put("inputTokens", null);
        row.put("outputTokens", null);
        return row;
    }

    /** After the row is written: the provider's answer back on the message, or the call's failure thrown again. */
    public void finish(Exchange exchange) throws Exception {
        Throwable failure = exchange.getProperty(FAILURE, Throwable.class);
        if (failure instanceof Exception e) {
            throw e;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
        exchange.getMessage().setBody(exchange.getProperty(BODY));
        exchange.removeProperty(BODY);
    }

    private static String abbreviate(String text) {
        return text.length() > 1000 ? text.substring(0, 1000) + "…" : text;
    }
}
