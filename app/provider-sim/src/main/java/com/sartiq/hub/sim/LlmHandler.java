package com.sartiq.hub.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * OpenAI chat completions, Anthropic messages and Gemini generateContent (provider-apis.md §2): their paths,
 * auth headers, request checks, answer shapes, token usage, rate-limit headers and error bodies. The answer
 * is deterministic: a scripted answer ({@link LlmAnswers}) when one matches the prompt, else an echo of the
 * prompt (as a JSON object when JSON was asked for).
 */
final class LlmHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(LlmHandler.class);

    private final String key;
    private final Faults faults;
    private final LlmAnswers answers;
    private final Map<String, List<Long>> callTimes = new ConcurrentHashMap<>();
    private final Map<String, Integer> callsByKey = new HashMap<>();
    private volatile long latencyMillis;

    LlmHandler(String key, Faults faults, LlmAnswers answers, long latencyMillis) {
        this.key = key;
        this.faults = faults;
        this.answers = answers;
        this.latencyMillis = latencyMillis;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                route(exchange);
            } catch (RuntimeException e) {
                LOG.error("LLM simulator failed on {}", exchange.getRequestURI(), e);
                Responses.detail(exchange, 500, "Internal Server Error");
            }
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (!exchange.getRequestMethod().equals("POST")) {
            Responses.detail(exchange, 405, "Method Not Allowed");
        } else if (path.equals("/v1/chat/completions")) {
            call(exchange, "openai", FaultResponses.Shape.OPENAI, null);
        } else if (path.equals("/v1/messages")) {
            call(exchange, "anthropic", FaultResponses.Shape.ANTHROPIC, null);
        } else if (path.startsWith("/v1beta/models/") && path.endsWith(":generateContent")) {
            call(exchange, "gemini", FaultResponses.Shape.GEMINI,
                    path.substring("/v1beta/models/".length(), path.length() - ":generateContent".length()));
        } else {
            Responses.detail(exchange, 404, "Not Found");
        }
    }

    private void call(HttpExchange exchange, String provider, FaultResponses.Shape shape, String geminiModel) throws IOException {
        callTimes.computeIfAbsent(provider, p -> java.util.Collections.synchronizedList(new ArrayList<>())).add(System.currentTimeMillis());
        String idempotencyKey = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        if (idempotencyKey != null) {
            synchronized (callsByKey) {
                callsByKey.merge(provider + ":" + idempotencyKey, 1, Integer::sum);
            }
        }
        if (!authorized(exchange, provider, shape)) {
            return;
        }
        JsonNode body;
        try (InputStream in = exchange.getRequestBody()) {
            body = Responses.JSON.readTree(in.readAllBytes());
        } catch (IOException e) {
            error(exchange, shape, 400, "invalid_request_error", "Could not parse the JSON body of your request.");
            return;
        }
        rateLimitHeaders(exchange, shape);
        if (FaultResponses.apply(exchange, faults.take(provider, exchange.getRequestHeaders().getFirst(Faults.HEADER)), shape)) {
            return;
        }
        sleep(latencyMillis);
        ObjectNode answer = switch (shape) {
            case OPENAI -> openai(exchange, body);
            case ANTHROPIC -> anthropic(exchange, body);
            case GEMINI -> gemini(exchange, body, geminiModel);
            default -> null;
        };
        if (answer != null) {
            Responses.json(exchange, 200, answer);
        }
    }

    private boolean authorized(HttpExchange exchange, String provider, FaultResponses.Shape shape) throws IOException {
        var h = exchange.getRequestHeaders();
        boolean ok = switch (shape) {
            case OPENAI -> ("Bearer " + key).equals(h.getFirst("Authorization"));
            case ANTHROPIC -> key.equals(h.getFirst("x-api-key"));
            case GEMINI -> key.equals(h.getFirst("x-goog-api-key"));
            default -> false;
        };
        if (!ok) {
            error(exchange, shape, shape == FaultResponses.Shape.GEMINI ? 403 : 401,
                    shape == FaultResponses.Shape.ANTHROPIC ? "authentication_error" : "invalid_request_error", "Invalid API key");
            return false;
        }
        if (shape == FaultResponses.Shape.ANTHROPIC && h.getFirst("anthropic-version") == null) {
            error(exchange, shape, 400, "invalid_request_error", "anthropic-version: header is required");
            return false;
        }
        return true;
    }

    private ObjectNode openai(HttpExchange exchange, JsonNode body) throws IOException {
        JsonNode messages = body.path("messages");
        if (!body.path("model").isTextual() || !messages.isArray() || messages.isEmpty()) {
            error(exchange, FaultResponses.Shape.OPENAI, 400, "invalid_request_error", "'model' and 'messages' are required");
            return null;
        }
        String prompt = "";
        for (JsonNode m : messages) {
            if ("user".equals(m.path("role").asText())) {
                prompt = text(m.path("content"), "text");
            }
        }
        boolean json = body.path("response_format").path("type").asText("text").startsWith("json");
        String text = answer(prompt, json);
        ObjectNode out = Responses.object().put("id", "chatcmpl-" + UUID.randomUUID()).put("object", "chat.completion")
                .put("created", Instant.now().getEpochSecond()).put("model", body.get("model").asText());
        out.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop")
                .putObject("message").put("role", "assistant").put("content", text);
        int in = tokens(prompt);
        int outTokens = tokens(text);
        out.putObject("usage").put("prompt_tokens", in).put("completion_tokens", outTokens).put("total_tokens", in + outTokens);
        exchange.getResponseHeaders().set("x-request-id", "req_" + UUID.randomUUID().toString().replace("-", ""));
        return out;
    }

    private ObjectNode anthropic(HttpExchange exchange, JsonNode body) throws IOException {
        JsonNode messages = body.path("messages");
        if (!body.path("model").isTextual() || !messages.isArray() || messages.isEmpty() || !body.path("max_tokens").isInt()) {
            error(exchange, FaultResponses.Shape.ANTHROPIC, 400, "invalid_request_error", "model, messages and max_tokens are required");
            return null;
        }
        String prompt = text(messages.get(messages.size() - 1).path("content"), "text");
        boolean json = body.path("system").asText("").contains("JSON");
        String text = answer(prompt, json);
        ObjectNode out = Responses.object().put("id", "msg_" + UUID.randomUUID().toString().replace("-", ""))
                .put("type", "message").put("role", "assistant").put("model", body.get("model").asText());
        out.putArray("content").addObject().put("type", "text").put("text", text);
        out.put("stop_reason", "end_turn").putNull("stop_sequence");
        out.putObject("usage").put("input_tokens", tokens(prompt)).put("output_tokens", tokens(text));
        exchange.getResponseHeaders().set("request-id", "req_" + UUID.randomUUID().toString().replace("-", ""));
        return out;
    }

    private ObjectNode gemini(HttpExchange exchange, JsonNode body, String model) throws IOException {
        JsonNode contents = body.path("contents");
        if (!contents.isArray() || contents.isEmpty()) {
            error(exchange, FaultResponses.Shape.GEMINI, 400, "INVALID_ARGUMENT", "* GenerateContentRequest.contents: contents is not specified");
            return null;
        }
        String prompt = text(contents.get(contents.size() - 1).path("parts"), null);
        boolean json = "application/json".equals(body.path("generationConfig").path("responseMimeType").asText());
        String text = answer(prompt, json);
        ObjectNode out = Responses.object();
        ObjectNode candidate = out.putArray("candidates").addObject();
        candidate.putObject("content").put("role", "model").putArray("parts").addObject().put("text", text);
        candidate.put("finishReason", "STOP").put("index", 0);
        int in = tokens(prompt);
        int outTokens = tokens(text);
        out.putObject("usageMetadata").put("promptTokenCount", in).put("candidatesTokenCount", outTokens).put("totalTokenCount", in + outTokens);
        out.put("modelVersion", model).put("responseId", UUID.randomUUID().toString().substring(0, 12));
        return out;
    }

    private static void rateLimitHeaders(HttpExchange exchange, FaultResponses.Shape shape) {
        var h = exchange.getResponseHeaders();
        if (shape == FaultResponses.Shape.OPENAI) {
            h.set("x-ratelimit-limit-requests", "10000");
            h.set("x-ratelimit-remaining-requests", "9999");
            h.set("x-ratelimit-reset-requests", "6ms");
            h.set("x-ratelimit-limit-tokens", "2000000");
            h.set("x-ratelimit-remaining-tokens", "1999000");
            h.set("x-ratelimit-reset-tokens", "30ms");
        } else if (shape == FaultResponses.Shape.ANTHROPIC) {
            String reset = Instant.now().plusSeconds(1).toString();
            h.set("anthropic-ratelimit-requests-limit", "4000");
            h.set("anthropic-ratelimit-requests-remaining", "3999");
            h.set("anthropic-ratelimit-requests-reset", reset);
            h.set("anthropic-ratelimit-tokens-limit", "400000");
            h.set("anthropic-ratelimit-tokens-remaining", "399000");
            h.set("anthropic-ratelimit-tokens-reset", reset);
        }
    }

    private static void error(HttpExchange exchange, FaultResponses.Shape shape, int status, String type, String message) throws IOException {
        ObjectNode body = Responses.object();
        switch (shape) {
            case OPENAI -> body.putObject("error").put("message", message).put("type", type).putNull("param").putNull("code");
            case ANTHROPIC -> body.put("type", "error").putObject("error").put("type", type).put("message", message);
            default -> body.putObject("error").put("code", status).put("message", message)
                    .put("status", status == 403 ? "PERMISSION_DENIED" : "INVALID_ARGUMENT");
        }
        Responses.json(exchange, status, body);
    }

    /** The text parts of a content value: a string, or an array of parts with {@code field} (null: "text" key). */
    private static String text(JsonNode content, String typeField) {
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder out = new StringBuilder();
        for (JsonNode part : content) {
            if (part.has("text") && (typeField == null || "text".equals(part.path("type").asText("text")))) {
                out.append(part.get("text").asText());
            }
        }
        return out.toString();
    }

    private String answer(String prompt, boolean json) {
        return answers.take(prompt).orElseGet(() -> echo(prompt, json));
    }

    private static String echo(String prompt, boolean json) {
        String echo = prompt.length() > 200 ? prompt.substring(0, 200) : prompt;
        if (json) {
            ObjectNode o = Responses.object().put("answer", echo).put("prompt_chars", prompt.length());
            return o.toString();
        }
        return "echo: " + echo;
    }

    private static int tokens(String text) {
        return text.isBlank() ? 0 : text.trim().split("\\s+").length;
    }

    private static void sleep(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void setLatencyMillis(long millis) {
        latencyMillis = millis;
    }

    int calls(String provider) {
        return callTimes.getOrDefault(provider, List.of()).size();
    }

    List<Long> callTimes(String provider) {
        synchronized (callTimes.getOrDefault(provider, new ArrayList<>())) {
            return List.copyOf(callTimes.getOrDefault(provider, List.of()));
        }
    }

    Map<String, Integer> callsByKey() {
        synchronized (callsByKey) {
            return Map.copyOf(callsByKey);
        }
    }

    void reset() {
        callTimes.clear();
        answers.clear();
        synchronized (callsByKey) {
            callsByKey.clear();
        }
    }
}
