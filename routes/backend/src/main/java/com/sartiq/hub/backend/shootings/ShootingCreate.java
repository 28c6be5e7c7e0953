package com.sartiq.hub.backend.shootings;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The body of {@code POST /shootings/} (and, merged over the stored shooting, of {@code PATCH}).
 * {@code phase} defaults to PRODUCTION, or BRIEF when {@code require_test_shooting}; {@code default_guidelines}
 * (an inline guidelines template) and {@code default_guidelines_id} exclude each other.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ShootingCreate(
        @NotBlank @Size(max = 255) String name,
        @Size(max = 4000) String description,
        @NotNull OffsetDateTime dueDate,
        Boolean archived,
        @Size(max = 255) String season,
        @Size(max = 255) String collection,
        @Size(max = 255) String brand,
        ShootingType shootingType,
        Phase phase,
        Boolean requireTestShooting,
        UUID defaultGuidelinesId,
        ObjectNode defaultGuidelines) {

    public enum ShootingType { ECOMMERCE, CUSTOM }
}
