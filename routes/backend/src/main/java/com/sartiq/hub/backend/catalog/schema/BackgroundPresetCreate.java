package com.sartiq.hub.backend.catalog.schema;

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
