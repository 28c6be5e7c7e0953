package com.sartiq.hub.processors.fal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FalModelTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void mapsParametersToTheModelInputWithNestedFieldsLoraListsAndConstants() throws Exception {
        FalModel model = new FalModel("fal-ai/flux-lora", Map.of(
                "prompt", "/prompt", "image_size.width", "/width", "image_size.height", "/height", "seed", "/seed",
                "loras", "/loras", "loras/path", "/url", "loras/scale", "/weight", "image_url", "/image_url"),
                Map.of("num_images", 1, "enable_safety_checker", true), null);
        JsonNode params = JSON.readTree("""
                {"prompt":"a coat","width":512,"height":768,"seed":9,
                 "loras":[{"url":"https://x/a.safetensors","weight":0.8},{"url":"https://x/b.safetensors","weight":0.5}]}""");
        JsonNode input = model.input(params);
        assertEquals("a coat", input.get("prompt").asText());
        assertEquals(512, input.at("/image_size/width").asInt());
        assertEquals(768, input.at("/image_size/height").asInt());
        assertEquals(9, input.get("seed").asLong());
        assertEquals("https://x/b.safetensors", input.at("/loras/1/path").asText());
        assertEquals(0.8, input.at("/loras/0/scale").asDouble());
        assertFalse(input.at("/loras/0").has("url"));
        assertEquals(1, input.get("num_images").asInt());
        assertFalse(input.has("image_url"), "absent parameters leave fal's default");
    }

    @Test
    void readsImageListsSingleVideosAndRefusesResultsWithoutFiles() throws Exception {
        FalModel images = new FalModel("fal-ai/flux/dev", Map.of(), Map.of(), "/images");
        assertEquals(2, images.files(JSON.readTree("{\"images\":[{\"url\":\"http://a/1.png\",\"width\":2,\"height\":3},{\"url\":\"http://a/2.png\"}]}")).size());
        FalModel video = new FalModel("fal-ai/kling-video/v1/standard/image-to-video", Map.of(), Map.of(), "/video");
        FalImage clip = video.files(JSON.readTree("{\"video\":{\"url\":\"http://a/v.mp4\"}}")).get(0);
        assertEquals("video/mp4", clip.contentType());
        assertThrows(IOException.class, () -> images.files(JSON.readTree("{\"images\":[]}")));
        assertThrows(IllegalArgumentException.class, () -> new FalModel("flux", Map.of(), Map.of(), null));
    }

    @Test
    void aTrainerResultGivesItsWeightsThenItsConfig() throws Exception {
        FalModel trainer = new FalModel("fal-ai/flux-lora-fast-training", Map.of(), Map.of(), "/diffusers_lora_file, /config_file");
        var files = trainer.files(JSON.readTree("""
                {"diffusers_lora_file":{"url":"http://a/pytorch_lora_weights.safetensors","file_size":10},
                 "config_file":{"url":"http://a/config.json"}}"""));
        assertEquals(2, files.size());
        assertEquals("application/octet-stream", files.get(0).contentType());
        assertEquals("application/json", files.get(1).contentType());
        assertThrows(IOException.class, () -> trainer.files(JSON.readTree("{\"config_file\":{}}")));
    }

    @Test
    void pointersScaleNumbersAndTurnThemIntoText() throws Exception {
        FalModel model = new FalModel("fal-ai/post-processing", Map.of("brightness", "/brightness*100", "duration", "/duration_seconds|string",
                "gamma", "/gamma*1.5"), Map.of(), null);
        JsonNode input = model.input(JSON.readTree("{\"brightness\":-0.25,\"duration_seconds\":5,\"gamma\":0.5}"));
        assertEquals(-25, input.get("brightness").asInt());
        assertTrue(input.get("brightness").isIntegralNumber());
        assertEquals("5", input.get("duration").asText());
        assertTrue(input.get("duration").isTextual());
        assertEquals(0.75, input.get("gamma").asDouble());
        assertFalse(model.input(JSON.readTree("{}")).has("brightness"), "absent stays absent");
    }
}
