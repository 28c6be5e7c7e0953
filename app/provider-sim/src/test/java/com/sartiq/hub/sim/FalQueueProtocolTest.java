package com.sartiq.hub.sim;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FalQueueProtocolTest {

    private static final String KEY = "test-key";
    private static ProviderSimulator simulator;
    private static FalClient fal;

    @BeforeAll
    static void start() {
        simulator = ProviderSimulator.start(SimulatorConfig.defaults().withFalKey(KEY));
        fal = new FalClient(simulator, KEY);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @BeforeEach
    void clean() {
        simulator.reset();
        simulator.setLatencyMillis(100);
    }

    @Test
    void completesAfterConfiguredLatencyPassingThroughQueueAndProgress() throws Exception {
        long latencyMillis = 1200;
        simulator.setLatencyMillis(latencyMillis);
        long before = System.nanoTime();
        JsonNode submitted = fal.submitOk("fal-ai/flux", "{\"prompt\":\"red dress\"}");

        List<JsonNode> seen = new ArrayList<>();
        JsonNode completed = fal.awaitStatus(submitted, status -> {
            if (seen.isEmpty() || !seen.get(seen.size() - 1).get("status").equals(status.get("status"))) {
                seen.add(status);
            }
            return status.get("status").asText().equals("COMPLETED");
        }, Duration.ofSeconds(10));
        long elapsedMillis = (System.nanoTime() - before) / 1_000_000;

        assertThat(seen).extracting(s -> s.get("status").asText())
                .containsExactly("IN_QUEUE", "IN_PROGRESS", "COMPLETED");
        assertThat(elapsedMillis).isGreaterThanOrEqualTo(latencyMillis);
        assertThat(seen.get(0).get("queue_position").asInt()).isZero();
        assertThat(seen.get(1).get("logs").isArray()).isTrue();
        assertThat(completed.get("logs").isArray()).isTrue();
        assertThat(completed.at("/metrics/inference_time").asDouble()).isBetween(0.7, 0.9);
        for (JsonNode status : seen) {
            assertThat(status.get("request_id").asText()).isEqualTo(submitted.get("request_id").asText());
            assertThat(status.get("response_url")).isEqualTo(submitted.get("response_url"));
            assertThat(status.get("status_url")).isEqualTo(submitted.get("status_url"));
            assertThat(status.get("cancel_url")).isEqualTo(submitted.get("cancel_url"));
        }
    }

    @Test
    void submitAnswersQueueUrlsBuiltFromTheAppId() {
        JsonNode submitted = fal.submitOk("fal-ai/flux", "{\"prompt\":\"x\"}");

        String id = submitted.get("request_id").asText();
        String requestUrl = simulator.baseUrl() + "/fal-ai/flux/requests/" + id;
        assertThat(submitted.get("response_url").asText()).isEqualTo(requestUrl);
        assertThat(submitted.get("status_url").asText()).isEqualTo(requestUrl + "/status");
        assertThat(submitted.get("cancel_url").asText()).isEqualTo(requestUrl + "/cancel");
        assertThat(submitted.get("queue_position").asInt()).isZero();
    }

    @Test
    void submitToSubpathHandsBackUrlsWithoutTheSubpath() throws Exception {
        JsonNode submitted = fal.submitOk("fal-ai/flux/dev", "{\"prompt\":\"x\"}");
        String id = submitted.get("request_id").asText();

        assertThat(submitted.get("status_url").asText())
                .isEqualTo(simulator.baseUrl() + "/fal-ai/flux/requests/" + id + "/status");
        assertThat(fal.awaitCompleted(submitted).get("status").asText()).isEqualTo("COMPLETED");
        assertThat(fal.get(simulator.baseUrl() + "/fal-ai/flux/dev/requests/" + id + "/status").statusCode())
                .isEqualTo(404);
    }

    @Test
    void returnsModelOutputWithRequestedImagesOnceCompleted() throws Exception {
        JsonNode submitted = fal.submitOk("fal-ai/flux/dev",
                "{\"prompt\":\"linen shirt\",\"seed\":42,\"num_images\":2,\"image_size\":\"portrait_4_3\"}");
        fal.awaitCompleted(submitted);

        HttpResponse<byte[]> response = fal.get(submitted.get("response_url").asText());
        JsonNode output = FalClient.json(response);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-fal-request-id")).contains(submitted.get("request_id").asText());
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(output.get("images")).hasSize(2);
        assertThat(output.get("seed").asLong()).isEqualTo(42);
        assertThat(output.get("prompt").asText()).isEqualTo("linen shirt");
        assertThat(output.get("has_nsfw_concepts").toString()).isEqualTo("[false,false]");
        assertThat(output.at("/timings/inference").isNumber()).isTrue();
        for (JsonNode image : output.get("images")) {
            assertThat(image.get("width").asInt()).isEqualTo(768);
            assertThat(image.get("height").asInt()).isEqualTo(1024);
            assertThat(image.get("content_type").asText()).isEqualTo("image/png");
            BufferedImage png = fetchPublicPng(image.get("url").asText());
            assertThat(png.getWidth()).isEqualTo(768);
            assertThat(png.getHeight()).isEqualTo(1024);
        }
    }

    @Test
    void answersStillInProgressBeforeCompletion() {
        simulator.setLatencyMillis(5000);
        JsonNode submitted = fal.submitOk("fal-ai/flux", "{\"prompt\":\"x\"}");

        HttpResponse<byte[]> response = fal.get(submitted.get("response_url").asText());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(FalClient.json(response).get("detail").asText()).isEqualTo("Request is still in progress");
    }

    @Test
    void imageUrlsDoNotExistBeforeCompletion() {
        simulator.setLatencyMillis(5000);
        JsonNode submitted = fal.submitOk("fal-ai/flux", "{\"prompt\":\"x\"}");

        HttpResponse<byte[]> png = fal.get(simulator.baseUrl() + "/files/" + submitted.get("request_id").asText() + "/0.png");

        assertThat(png.statusCode()).isEqualTo(404);
    }

    @Test
    void statusWithLogsListsProgressLines() throws Exception {
        JsonNode submitted = fal.submitOk("fal-ai/flux", "{\"prompt\":\"x\"}");
        fal.awaitCompleted(submitted);

        JsonNode status = FalClient.json(fal.get(submitted.get("status_url").asText() + "?logs=1"));

        assertThat(status.get("logs")).hasSize(2);
        assertThat(status.get("logs").get(0).get("message").asText()).contains("1024x1024");
        assertThat(status.get("logs").get(1).get("level").asText()).isEqualTo("INFO");
        assertThat(status.get("logs").get(1).get("timestamp").asText()).isNotBlank();
    }

    @Test
    void queuePositionCountsEarlierQueuedRequestsOfTheSameApp() {
        simulator.setLatencyMillis(6000);
        JsonNode first = fal.submitOk("fal-ai/flux", "{}");
        JsonNode second = fal.submitOk("fal-ai/flux/dev", "{}");
        JsonNode third = fal.submitOk("fal-ai/flux", "{}");
        JsonNode otherApp = fal.submitOk("fal-ai/fast-sdxl", "{}");

        assertThat(first.get("queue_position").asInt()).isZero();
        assertThat(second.get("queue_position").asInt()).isEqualTo(1);
        assertThat(third.get("queue_position").asInt()).isEqualTo(2);
        assertThat(otherApp.get("queue_position").asInt()).isZero();
        assertThat(fal.status(third).get("queue_position").asInt()).isEqualTo(2);
    }

    @Test
    void rejectsMissingOrWrongKey() {
        JsonNode submitted = fal.submitOk("fal-ai/flux", "{}");
        List<FalClient> intruders = List.of(
                new FalClient(simulator.baseUrl(), null),
                new FalClient(simulator.baseUrl(), "Key wrong-key"),
                new FalClient(simulator.baseUrl(), "Bearer " + KEY));

        for (FalClient intruder : intruders) {
            for (HttpResponse<byte[]> response : List.of(
                    intruder.submit("fal-ai/flux", "{}"),
                    intruder.get(submitted.get("status_url").asText()),
                    intruder.get(submitted.get("response_url").asText()),
                    intruder.put(submitted.get("cancel_url").asText()))) {
                assertThat(response.statusCode()).isEqualTo(401);
                assertThat(FalClient.json(response).get("detail").asText()).isEqualTo("Unauthorized");
            }
        }
        assertThat(simulator.submissionCount()).isEqualTo(1);
    }

    @Test
    void unknownRequestIdIsNotFound() {
        JsonNode submitted = fal.submitOk("fal-ai/flux", "{}");
        String id = submitted.get("request_id").asText();

        for (String url : List.of(
                simulator.baseUrl() + "/fal-ai/flux/requests/no-such-id/status",
                simulator.baseUrl() + "/fal-ai/flux/requests/no-such-id",
                simulator.baseUrl() + "/fal-ai/other-app/requests/" + id + "/status")) {
            HttpResponse<byte[]> response = fal.get(url);
            assertThat(response.statusCode()).as(url).isEqualTo(404);
            assertThat(FalClient.json(response).get("detail").asText()).isEqualTo("Request not found");
        }
    }

    @Test
    void unknownPathIsNotFound() {
        for (String path : List.of("/", "/fal-ai/flux", "/fal-ai", "/files/none/0.png", "/files/x")) {
            HttpResponse<byte[]> response = fal.get(simulator.baseUrl() + path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
            assertThat(FalClient.json(response).get("detail").asText()).isEqualTo("Not Found");
        }
    }

    @Test
    void invalidJsonIsRejectedWith422() {
        HttpResponse<byte[]> broken = fal.submit("fal-ai/flux", "{\"prompt\": ");
        HttpResponse<byte[]> notAnObject = fal.submit("fal-ai/flux", "[1, 2]");
        HttpResponse<byte[]> trailing = fal.submit("fal-ai/flux", "{} {}");

        assertThat(broken.statusCode()).isEqualTo(422);
        JsonNode error = FalClient.json(broken).get("detail").get(0);
        assertThat(error.get("loc").toString()).isEqualTo("[\"body\"]");
        assertThat(error.get("type").asText()).isEqualTo("json_invalid");
        assertThat(error.get("msg").asText()).isEqualTo("JSON decode error");
        assertThat(error.at("/ctx/error").asText()).startsWith("Unexpected end-of-input").doesNotContain("Source");
        assertThat(notAnObject.statusCode()).isEqualTo(422);
        assertThat(FalClient.json(notAnObject).at("/detail/0/type").asText()).isEqualTo("model_attributes_type");
        assertThat(trailing.statusCode()).isEqualTo(422);
        assertThat(simulator.submissionCount()).isZero();
    }

    @Test
    void remembersWebhookAndEchoesGatewayRequestId() {
        String webhook = "http://hub.test/api/v1/fal/webhook?task=7&x=a b";
        JsonNode submitted = fal.submitOk(
                "fal-ai/flux?fal_webhook=" + URLEncoder.encode(webhook, StandardCharsets.UTF_8), "{\"prompt\":\"p\"}");
        String id = submitted.get("request_id").asText();

        assertThat(submitted.get("gateway_request_id").asText()).isEqualTo(id);
        assertThat(simulator.request(id)).hasValueSatisfying(r -> {
            assertThat(r.webhookUrl()).isEqualTo(webhook);
            assertThat(r.input().get("prompt").asText()).isEqualTo("p");
        });
        assertThat(fal.submitOk("fal-ai/flux", "{}").has("gateway_request_id")).isFalse();
    }

    private static BufferedImage fetchPublicPng(String url) throws IOException {
        HttpResponse<byte[]> response = new FalClient(simulator.baseUrl(), null).get(url);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("image/png");
        return ImageIO.read(new ByteArrayInputStream(response.body()));
    }
}
