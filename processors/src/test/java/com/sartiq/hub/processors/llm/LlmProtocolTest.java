package com.sartiq.hub.processors.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LlmProtocolTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final LlmRequest request = new LlmRequest("m1", "be brief", "describe", List.of("https://x/a.png"), true, null, 0, null);

    @Test
    void buildsEachProvidersRequestWithSystemPromptImageAndJsonMode() throws Exception {
        JsonNode openai = JSON.readTree(LlmProtocol.OPENAI.body(request));
        assertEquals("system", openai.at("/messages/0/role").asText());
        assertEquals("https://x/a.png", openai.at("/messages/1/content/1/image_url/url").asText());
        assertEquals("json_object", openai.at("/response_format/type").asText());

        JsonNode anthropic = JSON.readTree(LlmProtocol.ANTHROPIC.body(request));
        assertEquals(1024, anthropic.get("max_tokens").asInt());
        assertEquals("url", anthropic.at("/messages/0/content/0/source/type").asText());
        assertTrue(anthropic.get("system").asText().startsWith("be brief"));
        assertEquals("2023-06-01", LlmProtocol.ANTHROPIC.headers().get("anthropic-version"));

        JsonNode gemini = JSON.readTree(LlmProtocol.GEMINI.body(request));
        assertEquals("be brief", gemini.at("/systemInstruction/parts/0/text").asText());
        assertEquals("https://x/a.png", gemini.at("/contents/0/parts/1/fileData/fileUri").asText());
        assertEquals("application/json", gemini.at("/generationConfig/responseMimeType").asText());
        assertEquals("/v1beta/models/m1:generateContent", LlmProtocol.GEMINI.path("m1"));
    }

    @Test
    void readsAnswersAndTokenUsage() throws Exception {
        LlmResult openai = LlmProtocol.OPENAI.parse("""
                {"id":"c","object":"chat.completion","model":"gpt","choices":[{"index":0,"message":{"role":"assistant","content":"hi"},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":5,"completion_tokens":2,"total_tokens":7}}""");
        assertEquals("hi", openai.text());
        assertEquals(7, openai.totalTokens());
        LlmResult anthropic = LlmProtocol.ANTHROPIC.parse("""
                {"id":"m","type":"message","role":"assistant","model":"claude","content":[{"type":"text","text":"yo"}],
                 "stop_reason":"end_turn","usage":{"input_tokens":3,"output_tokens":4}}""");
        assertEquals("yo", anthropic.text());
        assertEquals(3, anthropic.inputTokens());
        LlmResult gemini = LlmProtocol.GEMINI.parse("""
                {"candidates":[{"content":{"role":"model","parts":[{"text":"a"},{"text":"b"}]},"finishReason":"STOP","index":0}],
                 "usageMetadata":{"promptTokenCount":8,"candidatesTokenCount":1,"totalTokenCount":9},"modelVersion":"g"}""");
        assertEquals("ab", gemini.text());
        assertEquals(9, gemini.totalTokens());
    }

    @Test
    void honoursRetryHintsAndNeverRetriesExhaustedQuota() {
        RetryAdvice limited = LlmProtocol.OPENAI.advise(429, Map.of("retry-after", "2"),
                "{\"error\":{\"message\":\"slow down\",\"type\":\"requests\",\"param\":null,\"code\":\"rate_limit_exceeded\"}}", 100);
        assertEquals(RetryAdvice.Kind.RATE_LIMITED, limited.kind());
        assertEquals(2000, limited.delayMillis());
        assertTrue(limited.serverHint());

        RetryAdvice reset = LlmProtocol.OPENAI.advise(429, Map.of("x-ratelimit-reset-requests", "1s", "x-ratelimit-reset-tokens", "6m0s"), "{}", 100);
        assertEquals(360_000, reset.delayMillis());

        RetryAdvice quota = LlmProtocol.OPENAI.advise(429, Map.of("retry-after", "1"),
                "{\"error\":{\"message\":\"You exceeded your current quota\",\"type\":\"insufficient_quota\",\"param\":null,\"code\":\"insufficient_quota\"}}", 100);
        assertEquals(RetryAdvice.Kind.QUOTA_EXHAUSTED, quota.kind());
        assertFalse(quota.retryable());

        assertEquals(RetryAdvice.Kind.UNAVAILABLE, LlmProtocol.ANTHROPIC.advise(529, Map.of(),
                "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}", 100).kind());
        assertEquals(RetryAdvice.Kind.QUOTA_EXHAUSTED, LlmProtocol.ANTHROPIC.advise(429, Map.of(),
                "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"x\",\"details\":{\"error_code\":\"enforced_spend_limit_reached\"}}}", 100).kind());
        assertEquals(RetryAdvice.Kind.INVALID, LlmProtocol.ANTHROPIC.advise(400, Map.of(), "{}", 100).kind());
        assertEquals(RetryAdvice.Kind.INVALID, LlmProtocol.OPENAI.advise(500, Map.of("x-should-retry", "false"), "{}", 100).kind());

        RetryAdvice gemini = LlmProtocol.GEMINI.advise(429, Map.of(), """
                {"error":{"code":429,"message":"quota","status":"RESOURCE_EXHAUSTED","details":[
                 {"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"22s"}]}}""", 100);
        assertEquals(22_000, gemini.delayMillis());
        assertEquals(RetryAdvice.Kind.QUOTA_EXHAUSTED, LlmProtocol.GEMINI.advise(429, Map.of(), """
                {"error":{"code":429,"message":"quota","status":"RESOURCE_EXHAUSTED","details":[
                 {"@type":"type.googleapis.com/google.rpc.QuotaFailure","violations":[{"quotaId":"GenerateRequestsPerDayPerProjectPerModel"}]}]}}""", 100).kind());
        assertEquals(100, LlmProtocol.GEMINI.advise(503, Map.of(), "not json", 100).delayMillis());
    }
}
