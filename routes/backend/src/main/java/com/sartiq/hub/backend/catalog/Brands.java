package com.sartiq.hub.backend.catalog;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;
import java.util.List;

/** Brands: the customer labels products belong to (the docs only name {@code /brands/}). */
public final class Brands {

    private Brands() {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record BrandCreate(@NotBlank @Size(max = 255) String name, @Size(max = 10000) String description) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record BrandPublic(String id, String name, String description, String ownerId, String organizationId,
                              OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    public record BrandsPublic(List<BrandPublic> data, long count) {
    }
}
