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

/** Shot types: framing × view angle; public ones (made by admins) are everyone's defaults. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ShotTypeCreate(@NotBlank @Size(max = 255) String name,
                             @Size(max = 10000) String description,
                             @NotNull Framing framing,
                             @NotNull ViewAngle viewAngle,
                             @JsonProperty("public") Boolean isPublic) {
    public ShotTypeCreate {
        isPublic = isPublic != null && isPublic;
    }
}
