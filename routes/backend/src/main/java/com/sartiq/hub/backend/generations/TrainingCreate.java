package com.sartiq.hub.backend.generations;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A training (LoRA by default) of a catalog entity from source images, passed on to compute's
 * {@code POST /api/v1/training/} with its documented defaults (rank 16, 1000 steps, learning rate 0.0001).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TrainingCreate(
        TrainingType trainingType,
        EntityType entityType,
        @Pattern(regexp = GenerationCreate.UUID, message = GenerationCreate.UUID_MESSAGE) String entityId,
        @NotBlank @Size(max = 64) String triggerWord,
        @NotEmpty @Size(max = 500) List<@NotNull @Size(max = 2048) @Pattern(regexp = GenerationCreate.URL, message = GenerationCreate.URL_MESSAGE) String> sourceImages,
        @Min(1) @Max(128) Integer rank,
        @Min(1) @Max(10_000) Integer steps,
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("0.01") Double learningRate,
        @Size(max = 10) List<@NotBlank @Size(max = 4000) String> samplePrompts) {

    public enum TrainingType { LORA, FULL }

    public enum EntityType { PRODUCT, SUBJECT, STYLE }

    public TrainingCreate withDefaults() {
        return new TrainingCreate(trainingType == null ? TrainingType.LORA : trainingType, entityType == null ? EntityType.PRODUCT : entityType,
                entityId, triggerWord, sourceImages, rank == null ? 16 : rank, steps == null ? 1000 : steps,
                learningRate == null ? 0.0001 : learningRate, samplePrompts);
    }
}
