package com.sartiq.hub.backend.catalog.schema;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.sartiq.hub.backend.catalog.schema.CatalogEnums.ProductFamily;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Products (garments): the SKU is unique per brand (409 on a duplicate). {@code cover_image} and
 * {@code back_image} take the {@code file_url} of an upload (POST /uploads/presigned-url) or a media URL;
 * the answer shows them as {@code cover_image_url} / {@code back_image_url} (CDN).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ProductCreate(@NotBlank @Size(max = 255) String name,
                            @NotBlank @Size(max = 100) String sku,
                            UUID brandId,
                            @Size(max = 10000) String description,
                            ProductFamily productFamily,
                            @Size(max = 100) String productType,
                            @Size(max = 2048) String coverImage,
                            @Size(max = 2048) String backImage) {
}
