package com.sartiq.hub.backend.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.sartiq.hub.backend.catalog.CatalogEnums.Framing;
import com.sartiq.hub.backend.catalog.CatalogEnums.ViewAngle;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;
import java.util.List;

/** Shot types: framing × view angle; public ones (made by admins) are everyone's defaults. */
public final class ShotTypes {

    private ShotTypes() {
    }

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

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ShotTypePublic(String id, String name, String description, Framing framing, ViewAngle viewAngle,
                                 @JsonProperty("public") boolean isPublic,
                                 String ownerId, String organizationId, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    public record ShotTypesPublic(List<ShotTypePublic> data, long count) {
    }
}
