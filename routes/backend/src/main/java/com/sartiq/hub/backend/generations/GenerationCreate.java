package com.sartiq.hub.backend.generations;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The part of the documented {@code GenerationCreate} this hub handles so far: a prompt-driven
 * generation of {@code batch_size} predictions with consecutive seeds.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record GenerationCreate(
        @NotBlank @Size(max = 4000) String prompt,
        @Size(max = 4000) String negativePrompt,
        @Min(256) @Max(2048) Integer width,
        @Min(256) @Max(2048) Integer height,
        @Min(0) @Max(Integer.MAX_VALUE) Long seed,
        @Min(1) @Max(8) Integer batchSize) {

    public GenerationCreate withDefaults(long randomSeed) {
        return new GenerationCreate(prompt, negativePrompt, width == null ? 1024 : width, height == null ? 1024 : height,
                seed == null ? randomSeed : seed, batchSize == null ? 1 : batchSize);
    }
}
