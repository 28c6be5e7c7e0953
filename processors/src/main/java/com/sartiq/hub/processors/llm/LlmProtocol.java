package com.sartiq.hub.processors.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The three LLM wire protocols (provider-apis.md §2): where to POST, how to authenticate, the request
 * body, the answer, and how to read a failure — including each provider's own retry hints
 * ({@code retry-after-ms}/{@code Retry-After}, OpenAI's rate-limit reset headers, Gemini's
 * {@code RetryInfo.retryDelay}) and the 429s that mean an exhausted quota, which must not be retried.
 */
public enum LlmProtocol {

    /** {@code POST /v1/chat/completions}, {@code Authorization: Bearer}. */
    OPENAI("Authorization", "Bearer ") {
        @Override
        public String path(String model) {
            return "/v1/chat/completions";
        }

        @Override
        public String body(LlmRequest r) {
            ObjectNode body = MAPPER.createObjectNode().put("model", r.model());
            ArrayNode messages = body.putArray("messages");
            if (r.system() != null && !r.system().isBlank()) {
                messages.addObject().put("role", "system").put("content", r.system());
            }
            ObjectNode user = messages.addObject().put("role", "user");
            if (r.imageUrls().isEmpty()) {
                user.put("content", r.prompt());
            } else {
                ArrayNode parts = user.putArray("content");
                parts.addObject().put("type", "text").put("text", r.prompt());
                r.imageUrls().forEach(url -> parts.addObject().put("type", "image_url").putObject("image_url").put("url", url));
            }
            body.put("max_completion_tokens", r.maxTokens());
            if (r.temperature() != null) {
                body.put("temperature", r.temperature());
            }
            if (r.jsonSchema() != null) {
                body.putObject("response_format").put("type", "json_schema").putObject("json_schema")
                        .put("name", "answer").put("strict", true).set("schema", r.jsonSchema());
            } else if (r.json()) {
                body.putObject("response_format").put("type", "json_object");
            }
            return body.toString();
        }

        @Override
        public LlmResult parse(String body) throws IOException {
            JsonNode json = MAPPER.readTree(body);
            JsonNode choice = json.path("choices").path(0);
            JsonNode content = choice.path("message").path("content");
            if (!content.isTextual()) {
                throw new IOException("chat completion without message content: " + abbreviate(body));
            }
            JsonNode usage = json.path("usage");
            return new LlmResult(content.asText(), json.path("model").asText(null), choice.path("finish_reason").asText(null),
                    usage.path("prompt_tokens").asInt(), usage.path("completion_tokens").asInt());
        }

        @Override
        RetryAdvice failure(int status, Map<String, String> headers, JsonNode error, long backoffMillis) {
            String type = error.path("error").path("type").asText("");
            String code = error.path("error").path("code").asText("");
            String message = error.path("error").path("message").asText("HTTP " + status);
            if (status == 429 && (type.equals("insufficient_quota") || OPENAI_QUOTA_CODES.contains(code))) {
                return new RetryAdvice(RetryAdvice.Kind.QUOTA_EXHAUSTED, 0, false, "quota exhausted: " + message);
            }
            Long hint = retryAfter(headers);
            if (hint == null && status == 429) {
                hint = maxDuration(headers.get("x-ratelimit-reset-requests"), headers.get("x-ratelimit-reset-tokens"));
            }
            return common(status, headers, hint, backoffMillis, message);
        }
    },

    /** {@code POST /v1/messages}, {@code x-api-key} and {@code anthropic-version}. */
    ANTHROPIC("x-api-key", "") {
        @Override
        public String path(String model) {
            return "/v1/messages";
        }

        @Override
        public Map<String, String> headers() {
            return Map.of("anthropic-version", "2023-06-01");
        }

        @Override
        public String body(LlmRequest r) {
            ObjectNode body = MAPPER.createObjectNode().put("model", r.model()).put("max_tokens", r.maxTokens());
            String system = r.system() == null ? "" : r.system();
            if (r.json()) {
                // Messages has no JSON mode: ask for it in the system prompt and say which schema
                system = (system.isBlank() ? "" : system + "\n\n") + "Answer with one JSON value only, no prose."
                        + (r.jsonSchema() == null ? "" : " It must match this JSON schema: " + r.jsonSchema());
            }
            if (!system.isBlank()) {
                body.put("system", system);
            }
            ArrayNode content = body.putArray("messages").addObject().put("role", "user").putArray("content");
            r.imageUrls().forEach(url -> content.addObject().put("type", "image").putObject("source").put("type", "url").put("url", url));
            content.addObject().put("type", "text").put("text", r.prompt());
            if (r.temperature() != null) {
                body.put("temperature", r.temperature());
            }
            return body.toString();
        }

        @Override
        public LlmResult parse(String body) throws IOException {
            JsonNode json = MAPPER.readTree(body);
            StringBuilder text = new StringBuilder();
            for (JsonNode block : json.path("content")) {
                if ("text".equals(block.path("type").asText())) {
                    text.append(block.path("text").asText());
                }
            }
            if (!json.path("content").isArray() || !"message".equals(json.path("type").asText())) {
                throw new IOException("not an Anthropic message: " + abbreviate(body));
            }
            JsonNode usage = json.path("usage");
            return new LlmResult(text.toString(), json.path("model").asText(null), json.path("stop_reason").asText(null),
                    usage.path("input_tokens").asInt(), usage.path("output_tokens").asInt());
        }

        @Override
        RetryAdvice failure(int status, Map<String, String> headers, JsonNode error, long backoffMillis) {
            String type = error.path("error").path("type").asText("");
            String message = error.path("error").path("message").asText("HTTP " + status);
            String detail = error.path("error").path("details").path("error_code").asText("");
            if (status == 402 || type.equals("billing_error") || detail.equals("enforced_spend_limit_reached")) {
                return new RetryAdvice(RetryAdvice.Kind.QUOTA_EXHAUSTED, 0, false, "quota exhausted: " + message);
            }
            return common(status, headers, retryAfter(headers), backoffMillis, type.isEmpty() ? message : type + ": " + message);
        }
    },

    /** {@code POST /v1beta/models/{model}:generateContent}, {@code x-goog-api-key}. */
    GEMINI("x-goog-api-key", "") {
        @Override
        public String path(String model) {
            return "/v1beta/models/" + model + ":generateContent";
        }

        @Override
        public String body(LlmRequest r) {
            ObjectNode body = MAPPER.createObjectNode();
            if (r.system() != null && !r.system().isBlank()) {
                body.putObject("systemInstruction").putArray("parts").addObject().put("text", r.system());
            }
            ArrayNode parts = body.putArray("contents").addObject().put("role", "user").putArray("parts");
            parts.addObject().put("text", r.prompt());
            r.imageUrls().forEach(url -> parts.addObject().putObject("fileData").put("mimeType", mimeType(url)).put("fileUri", url));
            ObjectNode config = body.putObject("generationConfig").put("maxOutputTokens", r.maxTokens());
            if (r.temperature() != null) {
                config.put("temperature", r.temperature());
            }
            if (r.json()) {
                config.put("responseMimeType", "application/json");
                if (r.jsonSchema() != null) {
                    config.set("responseJsonSchema", r.jsonSchema());
                }
            }
            return body.toString();
        }

        @Override
        public LlmResult parse(String body) throws IOException {
            JsonNode json = MAPPER.readTree(body);
            JsonNode candidate = json.path("candidates").path(0);
            if (candidate.isMissingNode()) {
                String blocked = json.path("promptFeedback").path("blockReason").asText(null);
                throw new IOException(blocked != null ? "prompt blocked: " + blocked : "no candidates: " + abbreviate(body));
            }
            StringBuilder text = new StringBuilder();
            candidate.path("content").path("parts").forEach(p -> text.append(p.path("text").asText("")));
            JsonNode usage = json.path("usageMetadata");
            return new LlmResult(text.toString(), json.path("modelVersion").asText(null), candidate.path("finishReason").asText(null),
                    usage.path("promptTokenCount").asInt(), usage.path("candidatesTokenCount").asInt());
        }

        @Override
        RetryAdvice failure(int status, Map<String, String> headers, JsonNode error, long backoffMillis) {
            String message = error.path("error").path("message").asText("HTTP " + status);
            Long hint = null;
            for (JsonNode detail : error.path("error").path("details")) {
                String type = detail.path("@type").asText("");
                if (type.endsWith("google.rpc.RetryInfo")) {
                    hint = protoDuration(detail.path("retryDelay").asText(null));
                }
                if (type.endsWith("google.rpc.QuotaFailure")) {
                    for (JsonNode violation : detail.path("violations")) {
                        if (violation.path("quotaId").asText("").contains("PerDay")) {
                            return new RetryAdvice(RetryAdvice.Kind.QUOTA_EXHAUSTED, 0, false, "daily quota exhausted: " + message);
                        }
                    }
                }
            }
            return common(status, headers, hint, backoffMillis, error.path("error").path("status").asText("") + ": " + message);
        }
    };

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> OPENAI_QUOTA_CODES = Set.of("insufficient_quota", "credit_balance_exhausted",
            "organization_spend_limit_exceeded", "project_spend_limit_exceeded", "organization_usage_limit_exceeded");
    private static final Pattern GO_DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|h|m|s)");

    private final String authHeader;
    private final String authScheme;

    LlmProtocol(String authHeader, String authScheme) {
        this.authHeader = authHeader;
        this.authScheme = authScheme;
    }

    public static LlmProtocol of(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }

    /** Path below the provider's base URL. */
    public abstract String path(String model);

    public abstract String body(LlmRequest request);

    public abstract LlmResult parse(String body) throws IOException;

    abstract RetryAdvice failure(int status, Map<String, String> headers, JsonNode error, long backoffMillis);

    public String authHeader() {
        return authHeader;
    }

    public String authValue(String key) {
        return authScheme + key;
    }

    /** Extra headers every call carries. */
    public Map<String, String> headers() {
        return Map.of();
    }

    /**
     * Reads an HTTP outcome. {@code headers} have lower-case names; {@code backoffMillis} is our own delay
     * for when the provider gives no hint.
     */
    public RetryAdvice advise(int status, Map<String, String> headers, String body, long backoffMillis) {
        if (status >= 200 && status < 300) {
            return RetryAdvice.success();
        }
        JsonNode error;
        try {
            error = body == null || body.isBlank() ? MAPPER.createObjectNode() : MAPPER.readTree(body);
        } catch (IOException e) {
            error = MAPPER.createObjectNode();
        }
        if (error == null || !error.isObject()) {
            error = MAPPER.createObjectNode();
        }
        return failure(status, headers, error, backoffMillis);
    }

    /** The part all three share: which statuses retry, and the server's {@code x-should-retry} override. */
    static RetryAdvice common(int status, Map<String, String> headers, Long hintMillis, long backoffMillis, String message) {
        String reason = "HTTP " + status + ": " + abbreviate(message);
        String shouldRetry = headers.get("x-should-retry");
        boolean retryable = status == 408 || status == 409 || status == 429 || status >= 500;
        if ("false".equalsIgnoreCase(shouldRetry)) {
            retryable = false;
        } else if ("true".equalsIgnoreCase(shouldRetry)) {
            retryable = true;
        }
        if (!retryable) {
            return new RetryAdvice(RetryAdvice.Kind.INVALID, 0, false, reason);
        }
        long delay = hintMillis != null ? hintMillis : backoffMillis;
        RetryAdvice.Kind kind = status == 429 ? RetryAdvice.Kind.RATE_LIMITED : RetryAdvice.Kind.UNAVAILABLE;
        return new RetryAdvice(kind, delay, hintMillis != null, reason);
    }

    /** {@code retry-after-ms} first (OpenAI/Anthropic SDKs), then {@code Retry-After} in seconds or as an HTTP date. */
    static Long retryAfter(Map<String, String> headers) {
        String ms = headers.get("retry-after-ms");
        if (ms != null) {
            try {
                return Math.max(0, (long) Double.parseDouble(ms.trim()));
            } catch (NumberFormatException ignored) {
                // fall through to Retry-After
            }
        }
        String value = headers.get("retry-after");
        if (value == null) {
            return null;
        }
        try {
            return Math.max(0, (long) (Double.parseDouble(value.trim()) * 1000));
        } catch (NumberFormatException e) {
            try {
                Instant at = java.time.ZonedDateTime.parse(value.trim(), java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Math.max(0, Duration.between(Instant.now(), at).toMillis());
            } catch (DateTimeParseException ignored) {
                return null;
            }
        }
    }

    /** OpenAI's reset durations ({@code 1s}, {@code 6m0s}, {@code 12ms}); the longer of the two. */
    static Long maxDuration(String... values) {
        Long max = null;
        for (String value : values) {
            Long millis = goDuration(value);
            if (millis != null && (max == null || millis > max)) {
                max = millis;
            }
        }
        return max;
    }

    static Long goDuration(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Matcher m = GO_DURATION.matcher(value.trim());
        double millis = 0;
        boolean any = false;
        while (m.find()) {
            any = true;
            double n = Double.parseDouble(m.group(1));
            millis += switch (m.group(2)) {
                case "h" -> n * 3_600_000;
                case "m" -> n * 60_000;
                case "s" -> n * 1000;
                default -> n;
            };
        }
        return any ? (long) Math.ceil(millis) : null;
    }

    /** protobuf JSON durations ({@code "22s"}, {@code "1.5s"}). */
    static Long protoDuration(String value) {
        if (value == null || !value.endsWith("s")) {
            return null;
        }
        try {
            return (long) Math.ceil(Double.parseDouble(value.substring(0, value.length() - 1)) * 1000);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String mimeType(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.contains(".png") ? "image/png" : lower.contains(".webp") ? "image/webp" : "image/jpeg";
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
