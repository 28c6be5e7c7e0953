package com.sartiq.hub.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.sartiq.hub.localstack.LocalStack;
import com.sartiq.hub.sim.Fault;
import com.sartiq.hub.sim.ProviderSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** LLM_INTERACTION over the three wire protocols: answers, usage, retries per Retry-After, quota, pause, failover. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LlmWorkerTest {

    private static LocalStack hubs;
    private static ProviderSimulator sim;
    private static String key;

    @BeforeAll
    static void start() {
        hubs = Hubs.get();
        sim = hubs.stack().simulator();
        key = hubs.stack().secrets().computeApiKey();
    }

    @AfterEach
    void clearFaults() {
        sim.faults().clear();
    }

    @Test
    @Order(1)
    void eachProviderAnswersWithTokenUsageAndJsonWhenAskedFor() {
        for (String provider : List.of("openai", "anthropic", "gemini")) {
            JsonNode done = complete(create("{\"prompt\":\"describe a red dress\",\"system_prompt\":\"be brief\",\"response_format\":\"json\","
                    + "\"image_urls\":[\"https://cdn.example/a.png\"],\"provider\":\"" + provider + "\"}"));
            assertEquals("completed", done.get("status").asText(), done.toString());
            JsonNode out = done.get("output");
            assertEquals(provider, out.get("provider").asText());
            assertEquals("describe a red dress", out.at("/json/answer").asText(), out.toString());
            assertTrue(out.at("/usage/total_tokens").asInt() > 0, out.toString());
            assertEquals(out.at("/usage/input_tokens").asInt() + out.at("/usage/output_tokens").asInt(), out.at("/usage/total_tokens").asInt());
        }
    }

    @Test
    @Order(2)
    void aRateLimitStormIsWaitedOutAsRetryAfterSays() {
        sim.faults().next("anthropic", Fault.status(429, 1), 2);
        int before = sim.llmCalls("anthropic");
        JsonNode done = complete(create("{\"prompt\":\"slow down\"}"));
        assertEquals("completed", done.get("status").asText(), done.toString());
        assertEquals("anthropic", done.at("/output/provider").asText());
        List<Long> times = sim.llmCallTimes("anthropic");
        assertEquals(before + 3, times.size(), "two 429s, then the answer");
        for (int i = times.size() - 2; i < times.size(); i++) {
            long gap = times.get(i) - times.get(i - 1);
            assertTrue(gap >= 950, "retry " + i + " came " + gap + " ms after the 429 that said Retry-After: 1");
        }
        assertEquals(3, done.at("/output/attempts/0/calls").asInt());
    }

    @Test
    @Order(3)
    void exhaustedQuotaIsNeverRetriedAndFailsOverToTheNextProvider() {
        sim.faults().next("anthropic", Fault.quota(), 1);
        int before = sim.llmCalls("anthropic");
        JsonNode done = complete(create("{\"prompt\":\"out of credit\"}"));
        assertEquals("completed", done.get("status").asText(), done.toString());
        assertEquals("openai", done.at("/output/provider").asText());
        assertEquals("quota_exhausted", done.at("/output/attempts/0/outcome").asText());
        assertEquals(before + 1, sim.llmCalls("anthropic"), "a quota 429 is not retried");
    }

    @Test
    @Order(4)
    void aPausedProviderIsSkippedUntilResumed() {
        Http.Response paused = Http.postJson(hubs.computeUrl() + "/api/v1/monitoring/providers/anthropic/pause?reason=test", key, "");
        assertEquals(200, paused.status(), paused.body());
        assertEquals("paused", paused.json().get("health").asText());
        try {
            int before = sim.llmCalls("anthropic");
            JsonNode done = complete(create("{\"prompt\":\"while paused\"}"));
            assertEquals("openai", done.at("/output/provider").asText(), done.toString());
            assertEquals(before, sim.llmCalls("anthropic"));
        } finally {
            assertEquals(200, Http.postJson(hubs.computeUrl() + "/api/v1/monitoring/providers/anthropic/resume", key, "").status());
        }
        assertEquals(404, Http.postJson(hubs.computeUrl() + "/api/v1/monitoring/providers/nope/pause", key, "").status());
    }

    @Test
    @Order(5)
    void aProviderThatIsDownOpensItsCircuitAndTasksFailOver() {
        sim.faults().always("anthropic", Fault.status(503, null), 1.0);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(create("{\"prompt\":\"anthropic is down " + i + "\"}"));
        }
        boolean skipped = false;
        for (String id : ids) {
            JsonNode done = complete(id);
            assertEquals("completed", done.get("status").asText(), done.toString());
            assertEquals("openai", done.at("/output/provider").asText());
            skipped |= done.at("/output/attempts/0/outcome").asText().matches("skipped|circuit_open");
        }
        JsonNode providers = Http.get(hubs.computeUrl() + "/api/v1/monitoring/providers", key).json();
        JsonNode anthropic = null;
        for (JsonNode p : providers.get("data")) {
            if (p.get("name").asText().equals("anthropic")) {
                anthropic = p;
            }
        }
        assertTrue(anthropic != null, providers.toString());
        assertTrue(skipped || anthropic.get("circuit_state").asText().equals("OPEN"), providers.toString());
        assertEquals(providers.get("data").size(), providers.get("count").asInt());
    }

    private static String create(String fields) {
        Http.Response r = Http.postJson(hubs.computeUrl() + "/api/v1/tasks/", key,
                "{\"task_type\":\"LLM_INTERACTION\"," + fields.substring(1));
        assertEquals(201, r.status(), r.body());
        return r.json().get("id").asText();
    }

    private static JsonNode complete(String id) {
        return Http.await(hubs.computeUrl() + "/api/v1/tasks/" + id, key, Duration.ofSeconds(90),
                t -> !t.get("status").asText().equals("pending") && !t.get("status").asText().equals("running"));
    }
}
