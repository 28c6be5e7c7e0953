package com.sartiq.hub.backend.catalog.schema;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Pose presets: a pose prompt and image for one shot type. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PosePresetCreate(@NotBlank @Size(max = 255) String name,
                               @Size(max = 4000) String prompt,
                               @NotNull UUID shotTypeId,
                               @Size(max = 2048) String poseImage) {
}
