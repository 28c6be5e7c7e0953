package com.sartiq.hub.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fal queue endpoints: submit, status, result and cancel under {@code /{owner}/{alias}}
 * (provider-apis.md §1). Submit alone may carry a sub-path; the URLs handed back never do.
 */
final class FalQueueHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(FalQueueHandler.class);

    private final RequestRegistry registry;
    private final String baseUrl;
    private final String expectedAuthorization;
    private final Faults faults;
    private final WebhookSender webhooks;
    private volatile long trainingMillis = 3000;

    FalQueueHandler(RequestRegistry registry, String baseUrl, String falKey, Faults faults, WebhookSender webhooks) {
        this.registry = registry;
        this.baseUrl = baseUrl;
        this.expectedAuthorization = "Key " + falKey;
        this.faults = faults;
        this.webhooks = webhooks;
    }

    private boolean fault(HttpExchange exchange, String target) throws IOException {
        return FaultResponses.apply(exchange, faults.take(target, exchange.getRequestHeaders().getFirst(Faults.HEADER)),
                FaultResponses.Shape.FAL);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                route(exchange);
            } catch (RuntimeException e) {
                LOG.error("fal simulator failed on {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
                Responses.detail(exchange, 500, "Internal Server Error");
            }
        }
    }

    private interface Endpoint {
        void handle(HttpExchange exchange, List<String> path) throws IOException;
    }

    private void route(HttpExchange exchange) throws IOException {
        List<String> path = segments(exchange.getRequestURI().getPath());
        Endpoint endpoint = match(exchange.getRequestMethod(), path);
        if (endpoint == null) {
            Responses.detail(exchange, 404, "Not Found");
        } else if (authorized(exchange)) {
            endpoint.handle(exchange, path);
        }
    }

    private Endpoint match(String method, List<String> path) {
        boolean requestsPath = path.size() >= 4 && path.get(2).equals("requests");
        if (!requestsPath) {
            return method.equals("POST") && path.size() >= 2 ? this::submit : null;
        }
        String tail = path.size() == 5 ? path.get(4) : path.size() == 4 ? "" : null;
        if (method.equals("GET") && "status".equals(tail)) {
            return (exchange, p) -> status(exchange, appId(p), p.get(3));
        }
        if (method.equals("GET") && "".equals(tail)) {
            return (exchange, p) -> result(exchange, appId(p), p.get(3));
        }
        if (method.equals("PUT") && "cancel".equals(tail)) {
            return (exchange, p) -> cancel(exchange, appId(p), p.get(3));
        }
        return null;
    }

    /** How long a LoRA training runs (queued for a third, then in progress); applies to later submits. */
    void setTrainingMillis(long millis) {
        trainingMillis = millis;
    }

    boolean authorized(HttpExchange exchange) throws IOException {
        if (expectedAuthorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            return true;
        }
        Responses.detail(exchange, 401, "Unauthorized");
        return false;
    }

    private void submit(HttpExchange exchange, List<String> path) throws IOException {
        JsonNode input = readInput(exchange);
        if (input == null) {
            return;
        }
        Fault fault = faults.take("fal-submit", exchange.getRequestHeaders().getFirst(Faults.HEADER));
        // a garbled answer to a submit fal did accept: the request exists, the client cannot know its id
        boolean garbled = fault != null && fault.kind() == Fault.Kind.MALFORMED;
        if (!garbled && FaultResponses.apply(exchange, fault, FaultResponses.Shape.FAL)) {
            return;
        }
        String appId = appId(path);
        String modelPath = String.join("/", path);
        boolean training = FalOutputs.kind(modelPath, input) == FalOutputs.Kind.TRAINING;
        int datasetImages = 0;
        if (training) {
            // fal reads the archive before it trains; one it cannot read fails validation
            try {
                datasetImages = FalOutputs.datasetImages(input.get("images_data_url").asText());
            } catch (IOException | IllegalArgumentException e) {
                ObjectNode error = Responses.object();
                error.putArray("loc").add("body").add("images_data_url");
                error.put("msg", "Could not read the training data archive: " + e.getMessage());
                error.put("type", "value_error");
                ObjectNode body = Responses.object();
                body.putArray("detail").add(error);
                Responses.json(exchange, 422, body);
                return;
            }
        }
        String webhook = query(exchange).get("fal_webhook");
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        Fault failure = faults.take("fal-request", exchange.getRequestHeaders().getFirst("X-Sim-Request-Fault"));
        SimRequest request = registry.submit(appId, modelPath, input, webhook, key != null ? key : webhook,
                training ? trainingMillis : null, failure != null && failure.kind() == Fault.Kind.FAILED ? failure : null, datasetImages);
        LOG.info("fal submit app={} request_id={}", modelPath, request.id());
        if (webhook != null) {
            Fault failed = request.failure();
            webhooks.schedule(webhook, request.id(), failed == null ? FalOutputs.output(request, baseUrl) : FalOutputs.errorBody(failed),
                    failed == null ? null : FalOutputs.errorMessage(failed), request.completesAtNanos() - System.nanoTime(),
                    exchange.getRequestHeaders().getFirst("X-Sim-Webhook-Fault"),
                    () -> request.state(System.nanoTime()) == SimRequest.State.COMPLETED);
        }

        if (garbled) {
            FaultResponses.apply(exchange, fault, FaultResponses.Shape.FAL);
            return;
        }
        ObjectNode body = urls(request);
        body.put("queue_position", registry.queuePosition(request, System.nanoTime()));
        if (webhook != null) {
            // Equal to request_id unless fal retried internally, which the simulator never does.
            body.put("gateway_request_id", request.id());
        }
        Responses.json(exchange, 200, body);
    }

    /** The parsed body, or null once a 422 has been sent. */
    static JsonNode readInput(HttpExchange exchange) throws IOException {
        byte[] raw;
        try (InputStream in = exchange.getRequestBody()) {
            raw = in.readAllBytes();
        }
        if (raw.length == 0) {
            validationError(exchange, "missing", "Field required", null);
            return null;
        }
        JsonNode input;
        try {
            input = Responses.JSON.readTree(raw);
        } catch (JsonProcessingException e) {
            validationError(exchange, "json_invalid", "JSON decode error", decodeError(e));
            return null;
        }
        if (input == null || !input.isObject()) {
            validationError(exchange, "model_attributes_type",
                    "Input should be a valid dictionary or object to extract fields from", null);
            return null;
        }
        return input;
    }

    private static void validationError(HttpExchange exchange, String type, String msg, String cause)
            throws IOException {
        ObjectNode error = Responses.object();
        error.putArray("loc").add("body");
        error.put("msg", msg);
        error.put("type", type);
        if (cause != null) {
            error.putObject("ctx").put("error", cause);
        }
        ObjectNode body = Responses.object();
        body.putArray("detail").add(error);
        Responses.json(exchange, 422, body);
    }

    /** Jackson's reason without its source-location suffix, which only names our own input stream. */
    private static String decodeError(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        int location = message.indexOf(" (start marker");
        return (location < 0 ? message : message.substring(0, location)).lines().findFirst().orElse(message);
    }

    private void status(HttpExchange exchange, String appId, String id) throws IOException {
        if (fault(exchange, "fal-status")) {
            return;
        }
        SimRequest request = registry.find(appId, id).orElse(null);
        if (request == null) {
            Responses.detail(exchange, 404, "Request not found");
            return;
        }
        boolean withLogs = isTruthy(query(exchange).get("logs"));
        long now = System.nanoTime();
        SimRequest.State state = request.state(now);
        ObjectNode body = Responses.object();
        body.put("status", state == SimRequest.State.CANCELLED ? "COMPLETED" : state.name());
        body.setAll(urls(request));
        switch (state) {
            case IN_QUEUE -> body.put("queue_position", registry.queuePosition(request, now));
            case IN_PROGRESS -> addLogs(body, request, now, withLogs, false);
            case COMPLETED -> {
                addLogs(body, request, now, withLogs, true);
                body.putObject("metrics").put("inference_time", request.inferenceSeconds());
                if (request.failure() != null) {
                    // a COMPLETED request can still have failed (provider-apis.md §1)
                    body.put("error", FalOutputs.errorMessage(request.failure()));
                }
            }
            case CANCELLED -> {
                body.putArray("logs");
                body.put("error", "Request was cancelled");
                body.put("error_type", "request_cancelled");
            }
        }
        Responses.json(exchange, 200, body);
    }

    private static void addLogs(ObjectNode body, SimRequest request, long now, boolean withLogs, boolean done) {
        ArrayNode logs = body.putArray("logs");
        if (!withLogs) {
            return;
        }
        if (FalOutputs.kind(request.modelPath(), request.input()) == FalOutputs.Kind.TRAINING) {
            FalOutputs.trainingLogs(logs, request, now);
            return;
        }
        GenerationParams params = request.params();
        logs.add(logEntry("Generating " + params.numImages() + " image(s) at " + params.width() + "x"
                + params.height(), request.startsAtNanos(), now));
        if (done) {
            logs.add(logEntry(String.format("Generated %d image(s) in %.2fs", params.numImages(),
                    request.inferenceSeconds()), request.completesAtNanos(), now));
        }
    }

    private static ObjectNode logEntry(String message, long atNanos, long nowNanos) {
        return FalOutputs.log(message, atNanos, nowNanos);
    }

    private void result(HttpExchange exchange, String appId, String id) throws IOException {
        if (fault(exchange, "fal-result")) {
            return;
        }
        SimRequest request = registry.find(appId, id).orElse(null);
        if (request == null) {
            Responses.detail(exchange, 404, "Request not found");
            return;
        }
        exchange.getResponseHeaders().set("x-fal-request-id", request.id());
        switch (request.state(System.nanoTime())) {
            case IN_QUEUE, IN_PROGRESS -> Responses.detail(exchange, 400, "Request is still in progress");
            case CANCELLED -> {
                exchange.getResponseHeaders().set("X-Fal-Error-Type", "request_cancelled");
                Responses.json(exchange, 400, Responses.object()
                        .put("detail", "Request was cancelled")
                        .put("error_type", "request_cancelled"));
            }
            case COMPLETED -> {
                if (request.failure() != null) {
                    Responses.json(exchange, request.failure().status(), FalOutputs.errorBody(request.failure()));
                } else {
                    Responses.json(exchange, 200, FalOutputs.output(request, baseUrl));
                }
            }
        }
    }

    private void cancel(HttpExchange exchange, String appId, String id) throws IOException {
        RequestRegistry.CancelOutcome outcome = registry.cancel(appId, id);
        int status = switch (outcome) {
            case CANCELLATION_REQUESTED -> 202;
            case ALREADY_COMPLETED -> 400;
            case NOT_FOUND -> 404;
        };
        Responses.json(exchange, status, Responses.object().put("status", outcome.name()));
    }

    private ObjectNode urls(SimRequest request) {
        String responseUrl = baseUrl + "/" + request.appId() + "/requests/" + request.id();
        return Responses.object()
                .put("request_id", request.id())
                .put("response_url", responseUrl)
                .put("status_url", responseUrl + "/status")
                .put("cancel_url", responseUrl + "/cancel");
    }

    static String appId(List<String> path) {
        return path.get(0) + "/" + path.get(1);
    }

    static List<String> segments(String path) {
        return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> params = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.putIfAbsent(decode(key), decode(value));
        }
        return params;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static boolean isTruthy(String value) {
        return value != null && (value.equals("1") || value.equalsIgnoreCase("true"));
    }
}
