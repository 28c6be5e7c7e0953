package com.sartiq.hub.backend.shootings;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/**
 * An outfit (the look's {@code shootinglookoutfit}): additional products, reference images (uploaded
 * files' URLs, ingested as media) and an instruction for the stylist.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record OutfitCreate(
        @Size(max = 255) String name,
        @Size(max = 4000) String instruction,
        @Size(max = 20) List<UUID> productIds,
        @Size(max = 20) List<String> referenceImages) {

    public List<UUID> products() {
        return productIds == null ? List.of() : productIds;
    }

    public List<String> images() {
        return referenceImages == null ? List.of() : referenceImages;
    }
}
