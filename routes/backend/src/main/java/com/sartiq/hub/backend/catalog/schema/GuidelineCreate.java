package com.sartiq.hub.backend.catalog.schema;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.sartiq.hub.backend.catalog.schema.CatalogEnums.FileFormat;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Shooting guidelines: reusable templates of resolution, file format, shot types, subjects, poses and set. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record GuidelineCreate(@NotBlank @Size(max = 255) String name,
                              @Size(max = 10000) String description,
                              UUID resolutionPresetId,
                              FileFormat fileFormat,
                              @Size(max = 100) List<@NotNull UUID> shotTypeIds,
                              @Size(max = 100) List<@NotNull UUID> subjectIds,
                              @Size(max = 100) List<@NotNull UUID> posePresetIds,
                              UUID setDesignId) {
    public GuidelineCreate {
        fileFormat = fileFormat == null ? FileFormat.WEBP : fileFormat;
        shotTypeIds = shotTypeIds == null ? List.of() : shotTypeIds;
        subjectIds = subjectIds == null ? List.of() : subjectIds;
        posePresetIds = posePresetIds == null ? List.of() : posePresetIds;
    }
}
