package com.sartiq.hub.backend.shootings;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/**
 * A look (spec §2.1 ShootingLook): main product, subject, style, the shot types it is shot in (one shot each),
 * a resolution (preset or custom {@code width}/{@code height}), background preset, file format and an outfit
 * (an existing one by {@code outfit_id} or a new one inline). {@code shooting_id} is read by
 * {@code POST /shooting-looks} only.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record LookCreate(
        UUID shootingId,
        @Size(max = 255) String name,
        UUID mainProductId,
        UUID subjectId,
        UUID styleId,
        @NotEmpty @Size(max = 20) List<UUID> shotTypeIds,
        UUID resolutionPresetId,
        @Min(64) @Max(8192) Integer width,
        @Min(64) @Max(8192) Integer height,
        UUID backgroundPresetId,
        FileFormat fileFormat,
        UUID outfitId,
        @Valid OutfitCreate outfit) {

    public enum FileFormat { JPEG, PNG, WEBP }
}
