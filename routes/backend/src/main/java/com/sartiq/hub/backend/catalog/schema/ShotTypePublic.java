package com.sartiq.hub.backend.catalog.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.sartiq.hub.backend.catalog.schema.CatalogEnums.Framing;
import com.sartiq.hub.backend.catalog.schema.CatalogEnums.ViewAngle;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;
import java.util.List;

@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ShotTypePublic(String id, String name, String description, Framing framing, ViewAngle viewAngle,
                             @JsonProperty("public") boolean isPublic,
                             String ownerId, String organizationId, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
