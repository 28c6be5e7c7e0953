package com.sartiq.hub.backend.catalog.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;
import java.util.List;

/** Styles: a look applied to generations (referenced by {@code style_id}/{@code style_slug}/{@code style_lora_weight}). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record StyleCreate(@NotBlank @Size(max = 255) String name,
                          @Size(max = 255) @Pattern(regexp = "^[a-z0-9]+(-[a-z0-9]+)*$", message = "String should be lower-case words joined by '-'") String slug,
                          @Size(max = 10000) String description,
                          @Size(max = 4000) String prompt,
                          @Size(max = 100) String triggerWord,
                          @Size(max = 2048) @Pattern(regexp = "^https?://.+", message = "URL scheme should be 'http' or 'https'") String loraUrl,
                          @DecimalMin("0.0") @DecimalMax("2.0") Double loraWeight,
                          @JsonProperty("public") Boolean isPublic) {
    public StyleCreate {
        slug = slug == null ? Slugs.of(name) : slug;
        isPublic = isPublic != null && isPublic;
    }
}
