package com.sartiq.hub.backend.catalog.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;
import java.util.List;

@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record StylistCreate(@NotBlank @Size(max = 255) String name,
                            @Size(max = 255) String brand,
                            @Valid StylingTemplateValues stylingTemplateValues,
                            @Size(max = 10000) String underpinningsQueryTemplate,
                            @JsonProperty("public") Boolean isPublic) {
    public StylistCreate {
        stylingTemplateValues = stylingTemplateValues == null
                ? new StylingTemplateValues(null, null, null, null, null, null, null) : stylingTemplateValues;
        isPublic = isPublic != null && isPublic;
    }
}
