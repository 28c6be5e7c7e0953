package com.sartiq.hub.backend.generations;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A refine (upscale and enhance) of a completed prediction's image; the prompt defaults to its generation's. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RefineCreate(
        @NotNull @Pattern(regexp = GenerationCreate.UUID, message = GenerationCreate.UUID_MESSAGE) String predictionId,
        @DecimalMin("1") @DecimalMax("4") Double scaleFactor,
        @Size(max = 4000) String prompt) {
}
