package com.sartiq.hub.backend.catalog.schema;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;
import java.util.List;

@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TagPublic(String id, String name, String color, String description,
                        String ownerId, String organizationId, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
