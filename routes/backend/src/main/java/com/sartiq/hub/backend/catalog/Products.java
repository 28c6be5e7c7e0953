package com.sartiq.hub.backend.catalog;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.sartiq.hub.backend.catalog.CatalogEnums.ProductFamily;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Products (garments): the SKU is unique per brand (409 on a duplicate). */
public final class Products {

    private Products() {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ProductCreate(@NotBlank @Size(max = 255) String name,
                                @NotBlank @Size(max = 100) String sku,
                                UUID brandId,
                                @Size(max = 10000) String description,
                                ProductFamily productFamily,
                                @Size(max = 100) String productType) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ProductPublic(String id, String name, String sku, String brandId, String description,
                                ProductFamily productFamily, String productType,
                                String ownerId, String organizationId, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    public record ProductsPublic(List<ProductPublic> data, long count) {
    }
}
