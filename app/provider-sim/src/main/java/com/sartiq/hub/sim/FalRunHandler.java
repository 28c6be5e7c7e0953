package com.sartiq.hub.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;

/**
 * fal's synchronous endpoint ({@code POST https://fal.run/{owner}/{alias}[/{subpath}]}), served under
 * {@code /run/}: the simulator's {@code fal.run} host is {@code <base>/run}. The answer is the model output in the
 * same connection after the configured latency; no queue, no webhook, and fal does not retry it. Faults (target
 * {@code fal-run} or header {@code X-Sim-Fault}): {@code status} answers that status (a 503 carries
 * {@code X-Fal-Needs-Retry: 1}, fal's "safe to send again"), {@code timeout} runs the model but holds the answer,
 * {@code failed} answers the model's error. Each run is registered (its files are served, it counts as a
 * submission of its app and under its {@code Idempotency-Key}).
 */
final class FalRunHandler implements HttpHandler {

    static final String PREFIX = "/run/";

    private static final Logger LOG = LoggerFactory.getLogger(FalRunHandler.class);

    private final RequestRegistry registry;
    private final String baseUrl;
    private final Faults faults;
    private final FalQueueHandler queue;

    FalRunHandler(RequestRegistry registry, String baseUrl, Faults faults, FalQueueHandler queue) {
        this.registry = registry;
        this.baseUrl = baseUrl;
        this.faults = faults;
        this.queue = queue;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                run(exchange);
            } catch (RuntimeException e) {
                LOG.error("fal simulator failed on {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
                Responses.detail(exchange, 500, "Internal Server Error");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run(HttpExchange exchange) throws IOException, InterruptedException {
        List<String> path = FalQueueHandler.segments(exchange.getRequestURI().getPath().substring(PREFIX.length() - 1));
        if (!exchange.getRequestMethod().equals("POST") || path.size() < 2) {
            Responses.detail(exchange, 404, "Not Found");
            return;
        }
        if (!queue.authorized(exchange)) {
            return;
        }
        JsonNode input = FalQueueHandler.readInput(exchange);
        if (input == null) {
            return;
        }
        Fault fault = faults.take("fal-run", exchange.getRequestHeaders().getFirst(Faults.HEADER));
        if (fault != null && fault.kind() == Fault.Kind.STATUS && fault.status() == 503) {
            exchange.getResponseHeaders().set("X-Fal-Needs-Retry", "1");
        }
        boolean runs = fault == null || fault.kind() == Fault.Kind.TIMEOUT || fault.kind() == Fault.Kind.LATENCY
                || fault.kind() == Fault.Kind.FAILED;
        if (!runs && FaultResponses.apply(exchange, fault, FaultResponses.Shape.FAL)) {
            return;
        }
        String modelPath = String.join("/", path);
        Fault failure = fault != null && fault.kind() == Fault.Kind.FAILED ? fault : null;
        SimRequest request = registry.submit(FalQueueHandler.appId(path), modelPath, input, null,
                exchange.getRequestHeaders().getFirst("Idempotency-Key"), 0L, failure, 0);
        LOG.info("fal run app={} request_id={}", modelPath, request.id());
        Thread.sleep(registry.latencyMillis());
        if (fault != null && (fault.kind() == Fault.Kind.TIMEOUT || fault.kind() == Fault.Kind.LATENCY)) {
            // the model ran; the answer comes late (or, past the client's timeout, never)
            Thread.sleep(fault.delayMillis());
        }
        exchange.getResponseHeaders().set("x-fal-request-id", request.id());
        if (failure != null) {
            Responses.json(exchange, failure.status(), FalOutputs.errorBody(failure));
        } else {
            Responses.json(exchange, 200, FalOutputs.output(request, baseUrl));
        }
    }
}
