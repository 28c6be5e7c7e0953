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

/** Generation models (the documented {@code GenerativeModelsPublic}): global, listed without a token. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record GenerationModelCreate(@NotBlank @Size(max = 255) String name,
                                    @Size(max = 2048) String icon,
                                    @NotBlank @Size(max = 100) @Pattern(regexp = "^[a-z0-9_]+$", message = "String should match pattern '^[a-z0-9_]+$'") String provider,
                                    Map<String, Object> providerConfig,
                                    @Size(max = 50) List<@NotNull @Pattern(regexp = "^[a-z0-9_]+$", message = "String should match pattern '^[a-z0-9_]+$'") String> providerCapabilities,
                                    @Size(max = 100) @Pattern(regexp = "^[a-z0-9_]+$", message = "String should match pattern '^[a-z0-9_]+$'") String fallbackProvider,
                                    Map<String, Object> fallbackProviderConfig,
                                    @Size(max = 50) List<@NotNull @Pattern(regexp = "^[a-z0-9_]+$", message = "String should match pattern '^[a-z0-9_]+$'") String> fallbackProviderCapabilities,
                                    @Size(max = 50) List<@NotNull @Pattern(regexp = "^[A-Z0-9_]+$", message = "String should match pattern '^[A-Z0-9_]+$'") String> toolTypes,
                                    Boolean recommended,
                                    Boolean beta,
                                    @Min(1) @Max(16384) Integer maxOutputWidth,
                                    @Min(1) @Max(16384) Integer maxOutputHeight,
                                    @Min(1) @Max(268435456L) Long maxSizePixels) {
    public GenerationModelCreate {
        toolTypes = toolTypes == null ? List.of() : toolTypes;
        recommended = recommended != null && recommended;
        beta = beta != null && beta;
    }
}
