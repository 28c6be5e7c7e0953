package com.sartiq.hub.backend.catalog.schema;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;
import java.util.List;

/** Tags: the documented {@code TagCreate {name, color?, description?}}; names are unique per tenant (409). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TagCreate(@NotBlank @Size(max = 100) String name,
                        @Pattern(regexp = "^#[0-9a-fA-F]{6}$", message = "String should be a colour like '#ffffff'") String color,
                        @Size(max = 1000) String description) {
}
