package com.sartiq.hub.backend.catalog.schema;

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
