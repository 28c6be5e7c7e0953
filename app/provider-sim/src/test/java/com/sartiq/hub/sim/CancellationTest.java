package com.sartiq.hub.sim;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class CancellationTest {

    private static ProviderSimulator simulator;
    private static FalClient fal;

    @BeforeAll
    static void start() {
        simulator = ProviderSimulator.start(SimulatorConfig.defaults());
        fal = new FalClient(simulator, SimulatorConfig.defaults().falKey());
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @BeforeEach
    void clean() {
        simulator.reset();
    }

    @Test
    void cancellingQueuedRequestEndsItWithCancelledErrorThatNeverCompletes() throws Exception {
        simulator.setLatencyMillis(300);
        JsonNode submitted = fal.submitOk("fal-ai/flux", "{\"prompt\":\"x\"}");

        HttpResponse<byte[]> cancel = fal.put(submitted.get("cancel_url").asText());
        Thread.sleep(400);

        assertThat(cancel.statusCode()).isEqualTo(202);
        assertThat(FalClient.json(cancel).get("status").asText()).isEqualTo("CANCELLATION_REQUESTED");
        assertCancelled(submitted);
    }

    @Test
    void cancellingInProgressRequestEndsItWithCancelledError() throws Exception {
        simulator.setLatencyMillis(1500);
        JsonNode submitted = fal.submitOk("fal-ai/flux", "{\"prompt\":\"x\"}");
        fal.awaitStatus(submitted, s -> s.get("status").asText().equals("IN_PROGRESS"), Duration.ofSeconds(5));

        HttpResponse<byte[]> cancel = fal.put(submitted.get("cancel_url").asText());

        assertThat(cancel.statusCode()).isEqualTo(202);
        assertThat(FalClient.json(cancel).get("status").asText()).isEqualTo("CANCELLATION_REQUESTED");
        assertCancelled(submitted);
    }

    @Test
    void cancellingTwiceAnswersAlreadyCompleted() {
        simulator.setLatencyMillis(5000);
        JsonNode submitted = fal.submitOk("fal-ai/flux", "{}");
        fal.put(submitted.get("cancel_url").asText());

        HttpResponse<byte[]> again = fal.put(submitted.get("cancel_url").asText());

        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(FalClient.json(again).get("status").asText()).isEqualTo("ALREADY_COMPLETED");
    }

    @Test
    void cancellingCompletedRequestAnswersAlreadyCompletedAndKeepsTheResult() throws Exception {
        simulator.setLatencyMillis(50);
        JsonNode submitted = fal.submitOk("fal-ai/flux", "{}");
        fal.awaitCompleted(submitted);

        HttpResponse<byte[]> cancel = fal.put(submitted.get("cancel_url").asText());

        assertThat(cancel.statusCode()).isEqualTo(400);
        assertThat(FalClient.json(cancel).get("status").asText()).isEqualTo("ALREADY_COMPLETED");
        assertThat(fal.get(submitted.get("response_url").asText()).statusCode()).isEqualTo(200);
    }

    @Test
    void cancellingUnknownRequestAnswersNotFound() {
        HttpResponse<byte[]> cancel = fal.put(simulator.baseUrl() + "/fal-ai/flux/requests/nope/cancel");

        assertThat(cancel.statusCode()).isEqualTo(404);
        assertThat(FalClient.json(cancel).get("status").asText()).isEqualTo("NOT_FOUND");
    }

    private static void assertCancelled(JsonNode submitted) {
        JsonNode status = fal.status(submitted);
        assertThat(status.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(status.get("error").asText()).isEqualTo("Request was cancelled");
        assertThat(status.get("error_type").asText()).isEqualTo("request_cancelled");

        HttpResponse<byte[]> result = fal.get(submitted.get("response_url").asText());
        assertThat(result.statusCode()).isEqualTo(400);
        assertThat(result.headers().firstValue("X-Fal-Error-Type")).contains("request_cancelled");
        assertThat(FalClient.json(result).get("error_type").asText()).isEqualTo("request_cancelled");

        String png = simulator.baseUrl() + "/files/" + submitted.get("request_id").asText() + "/0.png";
        assertThat(fal.get(png).statusCode()).isEqualTo(404);
    }
}
