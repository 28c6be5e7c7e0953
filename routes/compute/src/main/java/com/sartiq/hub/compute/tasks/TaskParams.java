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
}
