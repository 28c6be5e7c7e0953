package com.sartiq.hub.backend.catalog.schema;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;
import java.util.List;

/** Brands: the customer labels products belong to (the docs only name {@code /brands/}). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record BrandCreate(@NotBlank @Size(max = 255) String name, @Size(max = 10000) String description) {
}
