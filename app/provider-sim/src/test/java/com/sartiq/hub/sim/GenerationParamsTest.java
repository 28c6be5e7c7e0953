package com.sartiq.hub.sim;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class GenerationParamsTest {

    @ParameterizedTest
    @CsvSource({
        "square_hd, 1024, 1024",
        "square, 512, 512",
        "portrait_4_3, 768, 1024",
        "portrait_16_9, 576, 1024",
        "landscape_4_3, 1024, 768",
        "landscape_16_9, 1024, 576",
        "no_such_preset, 1024, 1024"})
    void mapsFalSizePresets(String preset, int width, int height) throws Exception {
        GenerationParams params = parse("{\"image_size\":\"" + preset + "\"}");

        assertThat(params.width()).isEqualTo(width);
        assertThat(params.height()).isEqualTo(height);
    }

    @Test
    void readsSizeFromImageSizeObjectOrWidthAndHeight() throws Exception {
        GenerationParams object = parse("{\"image_size\":{\"width\":640,\"height\":960}}");
        GenerationParams fields = parse("{\"width\":300,\"height\":200}");

        assertThat(object.width()).isEqualTo(640);
        assertThat(object.height()).isEqualTo(960);
        assertThat(fields.width()).isEqualTo(300);
        assertThat(fields.height()).isEqualTo(200);
    }

    @Test
    void defaultsToOneSquareImageOf1024() throws Exception {
        GenerationParams params = parse("{}");

        assertThat(params.numImages()).isEqualTo(1);
        assertThat(params.width()).isEqualTo(1024);
        assertThat(params.height()).isEqualTo(1024);
        assertThat(params.prompt()).isEmpty();
    }

    @Test
    void clampsSidesTo2048() throws Exception {
        GenerationParams params = parse("{\"image_size\":{\"width\":4096,\"height\":9000}}");

        assertThat(params.width()).isEqualTo(2048);
        assertThat(params.height()).isEqualTo(2048);
    }

    @Test
    void takesNumImagesAndSeedFromTheInput() throws Exception {
        GenerationParams params = parse("{\"num_images\":3,\"seed\":123456789012}");

        assertThat(params.numImages()).isEqualTo(3);
        assertThat(params.seed()).isEqualTo(123456789012L);
    }

    private static GenerationParams parse(String json) throws Exception {
        JsonNode input = FalClient.JSON.readTree(json);
        return GenerationParams.from(input);
    }
}
