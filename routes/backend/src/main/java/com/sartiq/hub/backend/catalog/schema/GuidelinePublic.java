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

@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record GuidelinePublic(String id, String name, String description, String resolutionPresetId, FileFormat fileFormat,
                              List<UUID> shotTypeIds, List<UUID> subjectIds, List<UUID> posePresetIds, String setDesignId,
                              String ownerId, String organizationId, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
