package com.sartiq.hub.compute.tasks;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The type-specific part of a task request (the documented TaskCreateAPI union, flattened). */
public sealed interface TaskParams {

    /**
     * GENERATION: text to image.
     *
     * @param seed random when absent, then recorded so the task can be repeated
     */
    record Generation(
            @NotBlank @Size(max = 4000) String prompt,
            @Size(max = 4000) String negativePrompt,
            @Min(256) @Max(2048) Integer width,
            @Min(256) @Max(2048) Integer height,
            @Min(0) Long seed) implements TaskParams {

        public Generation withDefaults(long randomSeed) {
            return new Generation(prompt, negativePrompt,
                    width == null ? 1024 : width, height == null ? 1024 : height, seed == null ? randomSeed : seed);
        }
    }

    /** BACKGROUND_REMOVE: cut the subject out of an image with the local U2NET model. */
    record BackgroundRemove(
            @NotNull @Size(max = 2048) @Pattern(regexp = "(?i)https?://\\S+", message = "URL scheme should be 'http' or 'https'")
            String imageUrl) implements TaskParams {
    }

    /**
     * LLM_INTERACTION: one prompt (with optional images and system prompt) to an LLM, answered as text or JSON.
     *
     * @param responseFormat {@code text} (default) or {@code json}; {@code json_schema} implies json
     * @param provider       pin one configured provider (no failover); default: the task type's failover order
     * @param model          the pinned provider's model; default: the provider's configured model
     */
    record LlmInteraction(
            @NotBlank @Size(max = 100_000) String prompt,
            @Size(max = 20_000) String systemPrompt,
            @Size(max = 10) java.util.List<@NotNull @Size(max = 2048) @Pattern(regexp = "(?i)https?://\\S+", message = "URL scheme should be 'http' or 'https'") String> imageUrls,
            @Pattern(regexp = "text|json", message = "Input should be 'text' or 'json'") String responseFormat,
            com.fasterxml.jackson.databind.JsonNode jsonSchema,
            @Size(max = 64) String provider,
            @Size(max = 200) String model,
            @Min(1) @Max(32_000) Integer maxTokens,
            @jakarta.validation.constraints.DecimalMin("0") @jakarta.validation.constraints.DecimalMax("2") Double temperature) implements TaskParams {
    }
}
