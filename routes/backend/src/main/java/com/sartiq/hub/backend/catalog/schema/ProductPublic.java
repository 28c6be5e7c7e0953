package com.sartiq.hub.backend.catalog.schema;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.sartiq.hub.backend.catalog.schema.CatalogEnums.ProductFamily;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ProductPublic(String id, String name, String sku, String brandId, String description,
                            ProductFamily productFamily, String productType,
                            String coverImageUrl, String backImageUrl,
                            String ownerId, String organizationId, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
