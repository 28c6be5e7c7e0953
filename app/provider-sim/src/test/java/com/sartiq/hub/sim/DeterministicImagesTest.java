package com.sartiq.hub.sim;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

class DeterministicImagesTest {

    private static ProviderSimulator simulator;
    private static FalClient fal;

    @BeforeAll
    static void start() {
        simulator = ProviderSimulator.start(SimulatorConfig.defaults().withLatencyMillis(30));
        fal = new FalClient(simulator, SimulatorConfig.defaults().falKey());
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void samePromptAndSeedGiveByteIdenticalPngs() throws Exception {
        String input = "{\"prompt\":\"wool coat, studio\",\"seed\":7,\"image_size\":\"square\"}";

        byte[] first = firstImage(input);
        byte[] second = firstImage(input);

        assertThat(first).isEqualTo(second);
    }

    @Test
    void differentSeedGivesDifferentPng() throws Exception {
        byte[] seven = firstImage("{\"prompt\":\"wool coat, studio\",\"seed\":7,\"image_size\":\"square\"}");
        byte[] eight = firstImage("{\"prompt\":\"wool coat, studio\",\"seed\":8,\"image_size\":\"square\"}");

        assertThat(seven).isNotEqualTo(eight);
    }

    @Test
    void imagesOfOneBatchDiffer() {
        byte[] first = ImageRenderer.renderPng("batch", 1, 0, 256, 256);
        byte[] second = ImageRenderer.renderPng("batch", 1, 1, 256, 256);

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void missingSeedIsDerivedFromTheInputAndEchoed() throws Exception {
        String input = "{\"prompt\":\"no seed given\",\"image_size\":\"square\"}";
        JsonNode first = output(input);
        JsonNode second = output(input);

        assertThat(first.get("seed").asLong()).isEqualTo(second.get("seed").asLong());
        assertThat(fetch(first.at("/images/0/url").asText())).isEqualTo(fetch(second.at("/images/0/url").asText()));
    }

    @Test
    void rendersDecodablePngOfTheRequestedSize() throws Exception {
        byte[] png = ImageRenderer.renderPng("size check", 3, 0, 576, 1024);

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));

        assertThat(image.getWidth()).isEqualTo(576);
        assertThat(image.getHeight()).isEqualTo(1024);
    }

    @Test
    void servesTheSameBytesOnEveryFetch() throws Exception {
        JsonNode output = output("{\"prompt\":\"repeat\",\"seed\":1,\"image_size\":\"square\"}");
        String url = output.at("/images/0/url").asText();

        assertThat(fetch(url)).isEqualTo(fetch(url));
    }

    private static byte[] firstImage(String input) throws Exception {
        return fetch(output(input).at("/images/0/url").asText());
    }

    private static JsonNode output(String input) throws Exception {
        JsonNode submitted = fal.submitOk("fal-ai/flux", input);
        fal.awaitCompleted(submitted);
        return FalClient.json(fal.get(submitted.get("response_url").asText()));
    }

    private static byte[] fetch(String url) {
        HttpResponse<byte[]> response = fal.get(url);
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
