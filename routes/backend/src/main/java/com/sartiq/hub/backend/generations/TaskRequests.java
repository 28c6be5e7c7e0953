package com.sartiq.hub.backend.generations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sartiq.hub.backend.generations.GenerationCreate.GenerationStrategy;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The compute task of one prediction, built from its stored generation row (so a resubmission after a
 * restart asks for exactly the same task): the strategy decides the task type, the request's fields
 * that type takes are passed on, and the prediction id is the task's entity and idempotency key.
 */
public final class TaskRequests {

    private TaskRequests() {
    }

    /** The idempotency key of a prediction's task: the same prediction never makes a second compute task. */
    public static String idempotencyKey(Object predictionId) {
        return "prediction-" + predictionId;
    }

    public static Map<String, Object> of(Map<String, Object> generation, Map<String, Object> prediction, String webhookUrl,
                                         ObjectMapper mapper) {
        JsonNode params = params(generation.get("params"), mapper);
        GenerationStrategy strategy = GenerationStrategy.valueOf((String) generation.get("generation_strategy"));
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("task_type", strategy.taskType());
        String prompt = (String) generation.get("prompt");
        Object seed = prediction.get("seed");
        String image = params.path("input_image_url").asText(null);
        switch (strategy) {
            case GENERATE -> {
                task.put("prompt", prompt);
                task.put("negative_prompt", generation.get("negative_prompt"));
                task.put("width", generation.get("width"));
                task.put("height", generation.get("height"));
                task.put("seed", seed);
                for (String weight : new String[]{"subject_lora_weight", "product_lora_weight", "product2_lora_weight", "style_lora_weight"}) {
                    if (params.hasNonNull(weight)) {
                        task.put(weight, params.get(weight).asDouble());
                    }
                }
                if (params.hasNonNull("product_image")) {
                    task.put("reference_image_url", params.get("product_image").asText());
                }
            }
            case EDITING, VIDEO, BACKGROUND_FIXING -> {
                task.put("image_url", image);
                task.put("prompt", prompt);
                if (strategy != GenerationStrategy.VIDEO) {
                    task.put("seed", seed);
                }
            }
            case REFINE -> {
                task.put("image_url", image);
                task.put("prompt", prompt);
                task.put("seed", seed);
                if (params.hasNonNull("scale_factor")) {
                    task.put("upscale_factor", params.get("scale_factor").asDouble());
                }
            }
            case IMAGE_ADJUSTING, FACE_FIXING -> task.put("image_url", image);
        }
        task.put("webhook_url", webhookUrl);
        task.put("entity_id", String.valueOf(prediction.get("id")));
        task.put("origin_instance", "backend-hub");
        if (generation.get("organization_id") != null) {
            task.put("origin_tenant_id", String.valueOf(generation.get("organization_id")));
        }
        return task;
    }

    private static JsonNode params(Object value, ObjectMapper mapper) {
        try {
            return mapper.readTree(value == null ? "{}" : value.toString());
        } catch (IOException e) {
            throw new IllegalStateException("unreadable generation params", e);
        }
    }
}
