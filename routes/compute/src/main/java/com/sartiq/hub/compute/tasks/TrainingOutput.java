package com.sartiq.hub.compute.tasks;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.List;

/**
 * A completed TRAINING's {@code output}: the LoRA weights fal trained ({@code diffusers_lora_file}) and the
 * training config ({@code config_file}), both copied into our storage and served from its CDN, with the trigger
 * word to put in prompts that use the LoRA.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TrainingOutput(String loraUrl, String configUrl, String triggerWord, List<File> files) {

    /** @param size bytes, as fal's CDN announced them */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record File(String url, String contentType, Long size) {
    }
}
