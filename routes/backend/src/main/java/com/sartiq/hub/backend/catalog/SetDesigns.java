package com.sartiq.hub.backend.catalog;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Set designs: a background and the reference images that place subjects in it. */
public final class SetDesigns {

    private SetDesigns() {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record SetBaseImage(@NotNull UUID subjectId, @NotNull UUID shotTypeId,
                               @NotBlank @Size(max = 2048) @Pattern(regexp = "^https?://.+", message = "URL scheme should be 'http' or 'https'") String image) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ReferenceImage(UUID shotTypeId, @Size(max = 255) String label,
                                 @NotBlank @Size(max = 2048) @Pattern(regexp = "^https?://.+", message = "URL scheme should be 'http' or 'https'") String image) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record SubjectPortrait(@NotNull UUID subjectId,
                                  @NotBlank @Size(max = 2048) @Pattern(regexp = "^https?://.+", message = "URL scheme should be 'http' or 'https'") String image) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record SetDesignCreate(@NotBlank @Size(max = 255) String name,
                                  @Size(max = 10000) String description,
                                  UUID backgroundPresetId,
                                  @Size(max = 200) List<@Valid @NotNull SetBaseImage> baseImages,
                                  @Size(max = 200) List<@Valid @NotNull ReferenceImage> referenceImages,
                                  @Size(max = 200) List<@Valid @NotNull SubjectPortrait> subjectPortraits) {
        public SetDesignCreate {
            baseImages = baseImages == null ? List.of() : baseImages;
            referenceImages = referenceImages == null ? List.of() : referenceImages;
            subjectPortraits = subjectPortraits == null ? List.of() : subjectPortraits;
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record SetDesignPublic(String id, String name, String description, String backgroundPresetId,
                                  List<SetBaseImage> baseImages, List<ReferenceImage> referenceImages, List<SubjectPortrait> subjectPortraits,
                                  String ownerId, String organizationId, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    public record SetDesignsPublic(List<SetDesignPublic> data, long count) {
    }
}
