package com.sartiq.hub.backend.generations;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The compute task of a plain generation's prediction (the one-task row of {@link GenerationPipelines}), built
 * from its stored generation row (so a resubmission after a restart asks for exactly the same task): a
 * GENERATION with the prompt, size, the prediction's seed and the LoRA weights (of the pipeline inputs).
 * The prediction id is the task's entity and idempotency key.
 */
public final class TaskRequests {

    private static final String[] WEIGHTS = {"subject_lora_weight", "product_lora_weight", "product2_lora_weight", "style_lora_weight"};

    private TaskRequests() {
    }

    /** The idempotency key of a prediction's task or workflow: the same prediction never makes a second one. */
    public static String idempotencyKey(Object predictionId) {
        return "prediction-" + predictionId;
    }

    public static Map<String, Object> of(Map<String, Object> generation, Map<String, Object> prediction, Map<String, Object> inputs,
                                         String webhookUrl) {
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("task_type", "GENERATION");
        task.put("prompt", generation.get("prompt"));
        task.put("negative_prompt", generation.get("negative_prompt"));
        task.put("width", generation.get("width"));
        task.put("height", generation.get("height"));
        task.put("seed", prediction.get("seed"));
        for (String weight : WEIGHTS) {
            if (inputs.containsKey(weight)) {
                task.put(weight, inputs.get(weight));
            }
        }
        task.put("webhook_url", webhookUrl);
        task.put("entity_id", String.valueOf(prediction.get("id")));
        task.put("origin_instance", "backend-hub");
        if (generation.get("organization_id") != null) {
            task.put("origin_tenant_id", String.valueOf(generation.get("organization_id")));
        }
        return task;
    }
}
