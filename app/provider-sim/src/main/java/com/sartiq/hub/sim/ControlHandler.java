package com.sartiq.hub.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The simulator's own endpoints: fal's JWKS ({@code GET /.well-known/jwks.json}), and for tests and demos
 * {@code POST /_sim/faults} ({@code {"target":"openai","fault":"status:503;retry-after=1","times":3}} or
 * {@code "probability":1.0} for a standing fault), {@code DELETE /_sim/faults}, {@code GET /_sim/stats}, and
 * {@code POST /_sim/llm/answers} ({@code {"match":"<text in the prompt>","answers":["<answer>", ...]}}: the next
 * LLM calls whose prompt contains {@code match} get those answers in order) and {@code DELETE /_sim/llm/answers}.
 */
final class ControlHandler implements HttpHandler {

    private final ProviderSimulator simulator;

    ControlHandler(ProviderSimulator simulator) {
        this.simulator = simulator;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.equals("/.well-known/jwks.json") && method.equals("GET")) {
                exchange.getResponseHeaders().set("Cache-Control", "public, max-age=86400");
                Responses.json(exchange, 200, simulator.webhooks().jwks());
            } else if (path.equals("/_sim/faults") && method.equals("POST")) {
                JsonNode body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = Responses.JSON.readTree(in.readAllBytes());
                }
                try {
                    Fault fault = Fault.parse(body.path("fault").asText());
                    String target = body.path("target").asText();
                    if (body.has("probability")) {
                        simulator.faults().always(target, fault, body.get("probability").asDouble());
                    } else {
                        simulator.faults().next(target, fault, body.path("times").asInt(1));
                    }
                    Responses.json(exchange, 200, Responses.object().put("target", target).put("fault", fault.toString()));
                } catch (RuntimeException e) {
                    Responses.detail(exchange, 422, "bad fault: " + e.getMessage());
                }
            } else if (path.equals("/_sim/llm/answers") && method.equals("POST")) {
                scriptAnswers(exchange);
            } else if (path.equals("/_sim/llm/answers") && method.equals("DELETE")) {
                simulator.llmAnswers().clear();
                Responses.json(exchange, 200, Responses.object().put("cleared", true));
            } else if (path.equals("/_sim/faults") && method.equals("DELETE")) {
                simulator.faults().clear();
                Responses.json(exchange, 200, Responses.object().put("cleared", true));
            } else if (path.equals("/_sim/stats") && method.equals("GET")) {
                var stats = Responses.object().put("fal_submissions", simulator.submissionCount())
                        .put("fal_peak_in_flight", simulator.peakInFlight()).put("fal_in_flight", simulator.inFlight())
                        .put("webhooks_delivered", simulator.webhooks().delivered())
                        .put("webhooks_dropped", simulator.webhooks().dropped());
                for (String provider : new String[] {"openai", "anthropic", "gemini"}) {
                    stats.put(provider + "_calls", simulator.llmCalls(provider));
                }
                stats.put("max_submissions_per_key", simulator.maxSubmissionsPerKey());
                Responses.json(exchange, 200, stats);
            } else {
                Responses.detail(exchange, 404, "Not Found");
            }
        }
    }

    private void scriptAnswers(HttpExchange exchange) throws IOException {
        JsonNode body;
        try (InputStream in = exchange.getRequestBody()) {
            body = Responses.JSON.readTree(in.readAllBytes());
        } catch (IOException e) {
            Responses.detail(exchange, 422, "body is not JSON");
            return;
        }
        if (body == null || !body.path("match").isTextual() || !body.path("answers").isArray()) {
            Responses.detail(exchange, 422, "give match (text) and answers (list of texts)");
            return;
        }
        List<String> answers = new ArrayList<>();
        for (JsonNode answer : body.get("answers")) {
            // an object stands for its JSON text: what a model asked for JSON answers
            answers.add(answer.isTextual() ? answer.asText() : answer.toString());
        }
        try {
            simulator.llmAnswers().script(body.get("match").asText(), answers);
        } catch (IllegalArgumentException e) {
            Responses.detail(exchange, 422, e.getMessage());
            return;
        }
        Responses.json(exchange, 200, Responses.object().put("match", body.get("match").asText()).put("answers", answers.size())
                .put("pending", simulator.llmAnswers().pending()));
    }
}
