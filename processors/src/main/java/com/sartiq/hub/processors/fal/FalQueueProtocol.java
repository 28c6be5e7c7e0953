package com.sartiq.hub.processors.fal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * fal's queue protocol as data: the model input we send and the answers we read back
 * (docs.fal.ai "Queue"; field names are fal's, snake_case).
 */
public final class FalQueueProtocol {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private FalQueueProtocol() {
    }

    /** Input of a text-to-image model (flux family): explicit size, one image, safety checker on. */
    public static String generationInput(String prompt, String negativePrompt, int width, int height, long seed) {
        ObjectNode input = MAPPER.createObjectNode();
        input.put("prompt", prompt);
        if (negativePrompt != null && !negativePrompt.isBlank()) {
            input.put("negative_prompt", negativePrompt);
        }
        input.putObject("image_size").put("width", width).put("height", height);
        input.put("seed", seed);
        input.put("num_images", 1);
        input.put("enable_safety_checker", true);
        return input.toString();
    }

    public static FalRequest submitted(String body) throws IOException {
        JsonNode json = MAPPER.readTree(body);
        String requestId = text(json, "request_id");
        if (requestId == null) {
            throw new IOException("fal submit answer has no request_id: " + abbreviate(body));
        }
        return new FalRequest(requestId, text(json, "status_url"), text(json, "response_url"), text(json, "cancel_url"));
    }

    public static FalStatus status(String body) throws IOException {
        JsonNode json = MAPPER.readTree(body);
        String state = text(json, "status");
        if (state == null) {
            throw new IOException("fal status answer has no status: " + abbreviate(body));
        }
        JsonNode position = json.get("queue_position");
        List<String> logs = new ArrayList<>();
        json.path("logs").forEach(entry -> logs.add(text(entry, "message")));
        return new FalStatus(state, position == null || position.isNull() ? null : position.asInt(),
                text(json, "error"), text(json, "error_type"), logs);
    }

    public static List<FalImage> images(String body) throws IOException {
        JsonNode images = MAPPER.readTree(body).path("images");
        if (!images.isArray() || images.isEmpty()) {
            throw new IOException("fal result has no images: " + abbreviate(body));
        }
        List<FalImage> result = new ArrayList<>();
        for (JsonNode image : images) {
            result.add(new FalImage(text(image, "url"), image.path("width").asInt(), image.path("height").asInt(),
                    image.path("content_type").asText("image/png")));
        }
        return result;
    }

    public static String toJson(FalRequest request) {
        return MAPPER.createObjectNode()
                .put("request_id", request.requestId())
                .put("status_url", request.statusUrl())
                .put("response_url", request.responseUrl())
                .put("cancel_url", request.cancelUrl())
                .toString();
    }

    public static FalRequest fromJson(String json) throws IOException {
        return submitted(json);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}
