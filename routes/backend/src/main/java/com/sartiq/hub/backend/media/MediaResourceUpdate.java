package com.sartiq.hub.backend.media;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** Body of {@code PATCH /media-resources/{id}}: metadata found by enrichment workers; only empty fields are filled. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record MediaResourceUpdate(
        @Size(max = 255) String colorProfile,
        @PositiveOrZero Double duration,
        @Size(max = 32) String dominantColor,
        @Positive Integer width,
        @Positive Integer height,
        @Size(max = 2000) String altText,
        @Size(max = 10000) String caption) {
}
