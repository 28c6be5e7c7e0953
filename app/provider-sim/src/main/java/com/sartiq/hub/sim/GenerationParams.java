package com.sartiq.hub.sim;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;

/**
 * What the simulator reads from a model input. Lenient by design: one simulator stands in for many fal
 * apps with different schemas, so unknown fields are ignored and odd values fall back to defaults.
 */
record GenerationParams(String prompt, long seed, int numImages, int width, int height) {

    static final int DEFAULT_SIDE = 1024;
    static final int MAX_SIDE = 2048;
    static final int MAX_IMAGES = 16;

    private static final Map<String, int[]> PRESETS = Map.of(
            "square_hd", new int[] {1024, 1024},
            "square", new int[] {512, 512},
            "portrait_4_3", new int[] {768, 1024},
            "portrait_16_9", new int[] {576, 1024},
            "landscape_4_3", new int[] {1024, 768},
            "landscape_16_9", new int[] {1024, 576});

    static GenerationParams from(JsonNode input) {
        String prompt = input.path("prompt").asText("");
        JsonNode seedNode = input.get("seed");
        // Without a seed fal picks a random one; deriving it from the input keeps reruns byte-identical.
        long seed = seedNode != null && seedNode.canConvertToLong() ? seedNode.asLong() : derivedSeed(input);
        int numImages = clamp(input.path("num_images").asInt(1), 1, MAX_IMAGES);
        int[] size = size(input);
        return new GenerationParams(prompt, seed, numImages, clamp(size[0], 1, MAX_SIDE), clamp(size[1], 1, MAX_SIDE));
    }

    private static int[] size(JsonNode input) {
        JsonNode imageSize = input.get("image_size");
        if (imageSize != null && imageSize.isObject()) {
            return new int[] {
                imageSize.path("width").asInt(DEFAULT_SIDE), imageSize.path("height").asInt(DEFAULT_SIDE)};
        }
        if (imageSize != null && imageSize.isTextual() && PRESETS.containsKey(imageSize.asText())) {
            return PRESETS.get(imageSize.asText()).clone();
        }
        return new int[] {input.path("width").asInt(DEFAULT_SIDE), input.path("height").asInt(DEFAULT_SIDE)};
    }

    private static long derivedSeed(JsonNode input) {
        byte[] digest = sha256(input.toString());
        long value = 0;
        for (int i = 0; i < 4; i++) {
            value = (value << 8) | (digest[i] & 0xff);
        }
        return value;
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JDK", e);
        }
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }
}
