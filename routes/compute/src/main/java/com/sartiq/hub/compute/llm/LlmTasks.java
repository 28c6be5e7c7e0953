package com.sartiq.hub.compute.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sartiq.hub.compute.providers.ProviderCallException;
import com.sartiq.hub.compute.providers.ProviderCalls;
import com.sartiq.hub.compute.providers.ProviderSettings;
import com.sartiq.hub.compute.providers.ProviderStates;
import com.sartiq.hub.compute.tasks.ErrorCategory;
import com.sartiq.hub.compute.tasks.TaskFailedException;
import com.sartiq.hub.processors.llm.LlmProtocol;
import com.sartiq.hub.processors.llm.LlmRequest;
import com.sartiq.hub.processors.llm.LlmResult;
import org.apache.camel.Exchange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The LLM worker's steps: read the task into a provider-neutral request, walk the failover order (skipping
 * providers that are paused or whose circuit is open), build each provider's request, read its answer, and
 * record every provider tried — the job history on the task's output and in {@code provider_attempt}.
 */
public class LlmTasks {

    private final ProviderStates providers;
    private final LlmProperties llm;
    private final ObjectMapper mapper;

    public LlmTasks(ProviderStates providers, LlmProperties llm, ObjectMapper mapper) {
        this.providers = providers;
        this.llm = llm;
        this.mapper = mapper;
    }

    public void plan(Exchange exchange) throws Exception {
        JsonNode params = mapper.readTree(exchange.getMessage().getBody(String.class));
        JsonNode schema = params.get("json_schema");
        LlmRequest request = new LlmRequest(params.path("model").asText(null), params.path("system_prompt").asText(null),
                params.path("prompt").asText(), strings(params.path("image_urls")),
                "json".equals(params.path("response_format").asText()), schema == null || schema.isNull() ? null : schema,
                params.path("max_tokens").asInt(0), params.hasNonNull("temperature") ? params.get("temperature").asDouble() : null);
        List<String> candidates;
        if (params.hasNonNull("provider")) {
            String pinned = params.get("provider").asText();
            ProviderSettings s = providers.settings().get(pinned);
            if (s == null || !s.isLlm()) {
                throw TaskFailedException.invalidInput("provider '" + pinned + "' is not a configured LLM provider");
            }
            candidates = List.of(pinned);
        } else {
            candidates = llm.order(exchange.getProperty("taskType", String.class)).stream()
                    .filter(p -> providers.settings().containsKey(p) && providers.settings().get(p).isLlm()).toList();
            if (candidates.isEmpty()) {
                throw new TaskFailedException(ErrorCategory.INTERNAL, "no LLM provider configured for this task type", false);
            }
        }
        exchange.setProperty("llmRequest", request);
        exchange.setProperty("llmPinnedModel", params.hasNonNull("provider") ? request.model() : null);
        exchange.setProperty("llmCandidates", candidates);
        exchange.setProperty("llmIndex", 0);
        exchange.setProperty("llmAttempts", new ArrayList<Map<String, Object>>());
        exchange.setProperty("llmDone", false);
    }

    /** Moves to the next usable provider; false when none is left or an answer (or a final error) is in. */
    public boolean next(Exchange exchange) {
        if (exchange.getProperty("llmDone", Boolean.class)) {
            return false;
        }
        List<?> candidates = exchange.getProperty("llmCandidates", List.class);
        int index = exchange.getProperty("llmIndex", Integer.class);
        while (index < candidates.size()) {
            String provider = candidates.get(index++).toString();
            exchange.setProperty("llmIndex", index);
            if (providers.available(provider)) {
                exchange.setProperty("llmProvider", provider);
                return true;
            }
            String why = providers.paused(provider) ? "paused" : "circuit open";
            history(exchange).add(entry(provider, null, "skipped", null, 0, 0, why, null));
            exchange.setProperty("llmLastFailure", new ProviderCallException(provider,
                    providers.paused(provider) ? ProviderCallException.Kind.PAUSED : ProviderCallException.Kind.CIRCUIT_OPEN, 0, 0, why, null));
        }
        return false;
    }

    public void request(Exchange exchange) {
        String provider = exchange.getProperty("llmProvider", String.class);
        ProviderSettings s = providers.settings(provider);
        LlmProtocol protocol = LlmProtocol.of(s.protocol());
        String pinned = exchange.getProperty("llmPinnedModel", String.class);
        String model = pinned != null ? pinned : s.model();
        if (model == null || model.isBlank()) {
            throw new TaskFailedException(ErrorCategory.INTERNAL, "hub.providers." + provider + ".model is not set", false);
        }
        LlmRequest request = exchange.getProperty("llmRequest", LlmRequest.class).withModel(model);
        exchange.setProperty("llmModel", model);
        exchange.setProperty("llmStartedNanos", System.nanoTime());
        exchange.setProperty(ProviderCalls.PATH, protocol.path(model));
        exchange.setProperty(ProviderCalls.METHOD, "POST");
        exchange.removeProperty(ProviderCalls.URL);
        exchange.setProperty(ProviderCalls.HOLDER, exchange.getProperty("taskId") + ":" + provider);
        // stable per task and provider, never per attempt: a provider that dedupes sees one request
        exchange.setProperty(ProviderCalls.IDEMPOTENCY_KEY, "task-" + exchange.getProperty("taskId") + "-" + provider);
        exchange.getMessage().setBody(protocol.body(request));
    }

    public void answered(Exchange exchange) {
        String provider = exchange.getProperty("llmProvider", String.class);
        LlmResult result;
        try {
            result = LlmProtocol.of(providers.settings(provider).protocol()).parse(exchange.getMessage().getBody(String.class));
        } catch (Exception e) {
            // a 200 we cannot read: the provider misbehaves, another may not
            fail(exchange, new ProviderCallException(provider, ProviderCallException.Kind.UNAVAILABLE, 200, 0,
                    "unreadable answer: " + e.getMessage(), e));
            return;
        }
        history(exchange).add(entry(provider, exchange.getProperty("llmModel", String.class), "succeeded", 200,
                calls(exchange), elapsed(exchange), null, result));
        exchange.setProperty("llmResult", result);
        exchange.setProperty("llmDone", true);
    }

    public void failed(Exchange exchange) {
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        ProviderCallException call = error instanceof ProviderCallException p ? p
                : new ProviderCallException(exchange.getProperty("llmProvider", String.class), ProviderCallException.Kind.AMBIGUOUS, 0, 0,
                        String.valueOf(error), error);
        fail(exchange, call);
    }

    private void fail(Exchange exchange, ProviderCallException call) {
        history(exchange).add(entry(call.provider(), exchange.getProperty("llmModel", String.class), call.kind().name().toLowerCase(),
                call.status() == 0 ? null : call.status(), calls(exchange), elapsed(exchange), call.getMessage(), null));
        exchange.setProperty("llmLastFailure", call);
        if (!call.failoverCandidate()) {
            exchange.setProperty("llmDone", true);
        }
    }

    /** The task's output, or the verdict when no provider answered. */
    public void output(Exchange exchange) {
        LlmResult result = exchange.getProperty("llmResult", LlmResult.class);
        if (result == null) {
            throw verdict(exchange.getProperty("llmLastFailure", ProviderCallException.class));
        }
        ObjectNode out = mapper.createObjectNode();
        out.put("text", result.text());
        LlmRequest request = exchange.getProperty("llmRequest", LlmRequest.class);
        if (request.json()) {
            try {
                out.set("json", mapper.readTree(result.text()));
            } catch (Exception e) {
                throw new TaskFailedException(ErrorCategory.PROVIDER_ERROR, "JSON was asked for but the answer is not JSON", true);
            }
        }
        out.put("provider", exchange.getProperty("llmProvider", String.class));
        out.put("model", result.model() != null ? result.model() : exchange.getProperty("llmModel", String.class));
        out.put("finish_reason", result.finishReason());
        out.putObject("usage").put("input_tokens", result.inputTokens()).put("output_tokens", result.outputTokens())
                .put("total_tokens", result.totalTokens());
        out.set("attempts", mapper.valueToTree(history(exchange)));
        exchange.getMessage().setBody(out);
    }

    /** Rows for {@code provider_attempt}, one per provider tried. */
    public List<Map<String, Object>> attemptRows(Exchange exchange) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> h : history(exchange)) {
            Map<String, Object> row = new HashMap<>();
            row.put("taskId", exchange.getProperty("taskId"));
            row.put("taskAttempt", exchange.getProperty("attempt", Integer.class));
            row.put("provider", h.get("provider"));
            row.put("model", h.get("model"));
            row.put("operation", "generate");
            row.put("outcome", h.get("outcome"));
            row.put("httpStatus", h.get("http_status"));
            row.put("calls", h.get("calls"));
            row.put("durationMs", h.get("duration_ms"));
            row.put("error", h.get("error"));
            row.put("inputTokens", h.get("input_tokens"));
            row.put("outputTokens", h.get("output_tokens"));
            rows.add(row);
        }
        return rows;
    }

    static TaskFailedException verdict(ProviderCallException last) {
        if (last == null) {
            return new TaskFailedException(ErrorCategory.PROVIDER_ERROR, "no LLM provider available", true);
        }
        return switch (last.kind()) {
            case INVALID -> new TaskFailedException(ErrorCategory.INVALID_INPUT, "the provider rejected the request: " + last.getMessage(), false);
            case QUOTA_EXHAUSTED -> new TaskFailedException(ErrorCategory.PROVIDER_ERROR, "quota exhausted: " + last.getMessage(), false);
            case AMBIGUOUS -> new TaskFailedException(ErrorCategory.TIMEOUT, last.getMessage(), true, last);
            default -> new TaskFailedException(ErrorCategory.PROVIDER_ERROR, "no provider answered; last: " + last.getMessage(), true, last);
        };
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> history(Exchange exchange) {
        return exchange.getProperty("llmAttempts", List.class);
    }

    private static Map<String, Object> entry(String provider, String model, String outcome, Integer status, int calls, long millis,
                                             String error, LlmResult result) {
        Map<String, Object> e = new java.util.LinkedHashMap<>();
        e.put("provider", provider);
        e.put("model", model);
        e.put("outcome", outcome);
        e.put("http_status", status);
        e.put("calls", calls);
        e.put("duration_ms", millis);
        e.put("error", error);
        e.put("input_tokens", result == null ? null : result.inputTokens());
        e.put("output_tokens", result == null ? null : result.outputTokens());
        return e;
    }

    private static int calls(Exchange exchange) {
        return exchange.getProperty(ProviderCalls.ATTEMPTS, 0, Integer.class);
    }

    private static long elapsed(Exchange exchange) {
        Long started = exchange.getProperty("llmStartedNanos", Long.class);
        return started == null ? 0 : (System.nanoTime() - started) / 1_000_000;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
