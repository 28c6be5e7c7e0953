package com.sartiq.hub.backend.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;
import java.util.List;

/** Background and resolution presets: per user or organization, plus public ones every list shows. */
public final class Presets {

    private Presets() {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record BackgroundPresetCreate(@NotBlank @Size(max = 255) String name,
                                         @Size(max = 10000) String description,
                                         @Size(max = 4000) String prompt,
                                         @Pattern(regexp = "^#[0-9a-fA-F]{6}$", message = "String should be a colour like '#ffffff'") String color,
                                         @Size(max = 2048) @Pattern(regexp = "^https?://.+", message = "URL scheme should be 'http' or 'https'") String imageUrl,
                                         @JsonProperty("public") Boolean isPublic) {
        public BackgroundPresetCreate {
            isPublic = isPublic != null && isPublic;
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record BackgroundPresetPublic(String id, String name, String description, String prompt, String color, String imageUrl,
                                         @JsonProperty("public") boolean isPublic,
                                         String ownerId, String organizationId, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    public record BackgroundPresetsPublic(List<BackgroundPresetPublic> data, long count) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ResolutionPresetCreate(@NotBlank @Size(max = 255) String name,
                                         @NotNull @Min(64) @Max(8192) Integer width,
                                         @NotNull @Min(64) @Max(8192) Integer height,
                                         @JsonProperty("public") Boolean isPublic) {
        public ResolutionPresetCreate {
            isPublic = isPublic != null && isPublic;
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ResolutionPresetPublic(String id, String name, int width, int height, @JsonProperty("public") boolean isPublic,
                                         String ownerId, String organizationId, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    public record ResolutionPresetsPublic(List<ResolutionPresetPublic> data, long count) {
    }
}
