package com.sartiq.hub.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LlmAndFaultsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static ProviderSimulator sim;

    @BeforeAll
    static void start() {
        sim = ProviderSimulator.start(SimulatorConfig.defaults().withLlmLatencyMillis(0));
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void clear() {
        sim.faults().clear();
        sim.llmAnswers().clear();
    }

    @Test
    void answersEachProtocolWithUsageAndRateLimitHeaders() throws Exception {
        HttpResponse<String> openai = post("/v1/chat/completions", Map.of("Authorization", "Bearer sim-llm-key"),
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hello there\"}]}");
        assertEquals(200, openai.statusCode(), openai.body());
        assertEquals("echo: hello there", JSON.readTree(openai.body()).at("/choices/0/message/content").asText());
        assertTrue(openai.headers().firstValue("x-ratelimit-remaining-requests").isPresent());
        HttpResponse<String> anthropic = post("/v1/messages", Map.of("x-api-key", "sim-llm-key", "anthropic-version", "2023-06-01"),
                "{\"model\":\"c\",\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"hi\"}]}]}");
        assertEquals(200, anthropic.statusCode(), anthropic.body());
        assertEquals(1, JSON.readTree(anthropic.body()).at("/usage/input_tokens").asInt());
        assertEquals(400, post("/v1/messages", Map.of("x-api-key", "sim-llm-key"), "{}").statusCode(), "anthropic-version is required");
        HttpResponse<String> gemini = post("/v1beta/models/g:generateContent", Map.of("x-goog-api-key", "sim-llm-key"),
                "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"yo\"}]}]}");
        assertEquals(200, gemini.statusCode(), gemini.body());
        assertEquals(401, post("/v1/chat/completions", Map.of("Authorization", "Bearer wrong"), "{}").statusCode());
    }

    @Test
    void queuedFaultsApplyInOrderThenRequestsSucceed() throws Exception {
        sim.faults().next("anthropic", Fault.status(429, 1), 2).next("anthropic", Fault.quota(), 1);
        Map<String, String> auth = Map.of("x-api-key", "sim-llm-key", "anthropic-version", "2023-06-01");
        String body = "{\"model\":\"c\",\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        HttpResponse<String> first = post("/v1/messages", auth, body);
        assertEquals(429, first.statusCode());
        assertEquals("1", first.headers().firstValue("retry-after").orElse(null));
        assertEquals(429, post("/v1/messages", auth, body).statusCode());
        JsonNode quota = JSON.readTree(post("/v1/messages", auth, body).body());
        assertEquals("enforced_spend_limit_reached", quota.at("/error/details/error_code").asText());
        assertEquals(200, post("/v1/messages", auth, body).statusCode());
        HttpResponse<String> header = post("/v1/messages", Map.of("x-api-key", "sim-llm-key", "anthropic-version", "2023-06-01",
                Faults.HEADER, "status:529"), body);
        assertEquals(529, header.statusCode());
        assertEquals("overloaded_error", JSON.readTree(header.body()).at("/error/type").asText());
    }

    @Test
    void scriptedAnswersGoInOrderToMatchingPromptsOfEveryProviderThenTheEchoReturns() throws Exception {
        HttpResponse<String> scripted = post("/_sim/llm/answers", Map.of(),
                "{\"match\":\"rate dress-42\",\"answers\":[{\"score\":0.3,\"reasons\":\"blurry\"},\"second\",\"third\"]}");
        assertEquals(200, scripted.statusCode(), scripted.body());
        assertEquals(3, JSON.readTree(scripted.body()).get("pending").asInt());

        HttpResponse<String> other = post("/v1/chat/completions", Map.of("Authorization", "Bearer sim-llm-key"),
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"rate coat-7\"}]}");
        assertEquals("echo: rate coat-7", JSON.readTree(other.body()).at("/choices/0/message/content").asText(), "no script for this prompt");

        HttpResponse<String> openai = post("/v1/chat/completions", Map.of("Authorization", "Bearer sim-llm-key"),
                "{\"model\":\"m\",\"response_format\":{\"type\":\"json_object\"},\"messages\":[{\"role\":\"user\",\"content\":["
                        + "{\"type\":\"text\",\"text\":\"please rate dress-42 now\"},{\"type\":\"image_url\",\"image_url\":{\"url\":\"http://x/a.png\"}}]}]}");
        JsonNode first = JSON.readTree(JSON.readTree(openai.body()).at("/choices/0/message/content").asText());
        assertEquals(0.3, first.get("score").asDouble(), "an object answer is its JSON text");
        HttpResponse<String> anthropic = post("/v1/messages", Map.of("x-api-key", "sim-llm-key", "anthropic-version", "2023-06-01"),
                "{\"model\":\"c\",\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"rate dress-42\"}]}]}");
        assertEquals("second", JSON.readTree(anthropic.body()).at("/content/0/text").asText());
        HttpResponse<String> gemini = post("/v1beta/models/g:generateContent", Map.of("x-goog-api-key", "sim-llm-key"),
                "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"rate dress-42\"}]}]}");
        assertEquals("third", JSON.readTree(gemini.body()).at("/candidates/0/content/parts/0/text").asText());
        HttpResponse<String> after = post("/v1/messages", Map.of("x-api-key", "sim-llm-key", "anthropic-version", "2023-06-01"),
                "{\"model\":\"c\",\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":\"rate dress-42\"}]}");
        assertEquals("echo: rate dress-42", JSON.readTree(after.body()).at("/content/0/text").asText(), "the script is used up");
        assertEquals(0, sim.llmAnswers().pending());

        assertEquals(422, post("/_sim/llm/answers", Map.of(), "{\"match\":\"\",\"answers\":[\"x\"]}").statusCode(), "an empty match");
        assertEquals(422, post("/_sim/llm/answers", Map.of(), "{\"match\":\"y\",\"answers\":[]}").statusCode(), "no answers");
        assertEquals(422, post("/_sim/llm/answers", Map.of(), "{\"answers\":[\"x\"]}").statusCode(), "no match");
    }

    @Test
    void servesItsWebhookKeyAsJwks() throws Exception {
        HttpResponse<String> jwks = CLIENT.send(HttpRequest.newBuilder(URI.create(sim.jwksUrl())).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode key = JSON.readTree(jwks.body()).at("/keys/0");
        assertEquals("OKP", key.get("kty").asText());
        assertEquals("Ed25519", key.get("crv").asText());
        assertEquals(43, key.get("x").asText().length(), "32 bytes, base64url without padding");
    }

    private static HttpResponse<String> post(String path, Map<String, String> headers, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path)).POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
