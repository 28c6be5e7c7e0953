package com.sartiq.hub.backend.catalog.schema;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record GenerationModelPublic(String id, String name, String icon, String provider, Map<String, Object> providerConfig,
                                    List<String> providerCapabilities, String fallbackProvider, Map<String, Object> fallbackProviderConfig,
                                    List<String> fallbackProviderCapabilities, List<String> toolTypes, boolean recommended, boolean beta,
                                    Integer maxOutputWidth, Integer maxOutputHeight, Long maxSizePixels,
                                    OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
