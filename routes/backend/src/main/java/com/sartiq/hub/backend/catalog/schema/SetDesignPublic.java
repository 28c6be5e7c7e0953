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
public record SetDesignPublic(String id, String name, String description, String backgroundPresetId,
                              List<SetBaseImage> baseImages, List<ReferenceImage> referenceImages, List<SubjectPortrait> subjectPortraits,
                              String ownerId, String organizationId, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
