package com.sartiq.hub.backend.catalog.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.sartiq.hub.backend.catalog.schema.CatalogEnums.AgeClass;
import com.sartiq.hub.backend.catalog.schema.CatalogEnums.BodyType;
import com.sartiq.hub.backend.catalog.schema.CatalogEnums.EyeColor;
import com.sartiq.hub.backend.catalog.schema.CatalogEnums.Gender;
import com.sartiq.hub.backend.catalog.schema.CatalogEnums.HairColor;
import com.sartiq.hub.backend.catalog.schema.CatalogEnums.SubjectType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A subject; {@code cover_image} is an upload's {@code file_url} or a media URL (answered as {@code cover_image_url}). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SubjectCreate(@NotBlank @Size(max = 255) String name,
                            @Size(max = 255) String surname,
                            @Size(max = 255) @Pattern(regexp = "^[a-z0-9]+(-[a-z0-9]+)*$", message = "String should be lower-case words joined by '-'") String slug,
                            @Size(max = 10000) String description,
                            SubjectType type,
                            Gender gender,
                            AgeClass ageClass,
                            BodyType bodyType,
                            EyeColor eyeColor,
                            HairColor hairColor,
                            @Size(max = 50) List<@Valid @jakarta.validation.constraints.NotNull BaseImage> baseImages,
                            @JsonProperty("public") Boolean isPublic,
                            @Size(max = 2048) String coverImage) {
    public SubjectCreate {
        slug = slug == null ? Slugs.of(name, surname) : slug;
        baseImages = baseImages == null ? List.of() : baseImages;
        isPublic = isPublic != null && isPublic;
    }
}
