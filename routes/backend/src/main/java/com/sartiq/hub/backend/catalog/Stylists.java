package com.sartiq.hub.backend.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;
import java.util.List;

/** Stylists: styling rules (the documented {@code styling_template_values} keys) applied to outfits. */
public final class Stylists {

    private Stylists() {
    }

    /** The documented keys of {@code styling_template_values}, each a free text. */
    public record StylingTemplateValues(@JsonProperty("AESTHETIC") @Size(max = 10000) String aesthetic,
                                        @JsonProperty("COLOR_RULES") @Size(max = 10000) String colorRules,
                                        @JsonProperty("FILLER_SPECIFIC_NOTES") @Size(max = 10000) String fillerSpecificNotes,
                                        @JsonProperty("LAYERING_RULES") @Size(max = 10000) String layeringRules,
                                        @JsonProperty("OPTIONALITY_RULES") @Size(max = 10000) String optionalityRules,
                                        @JsonProperty("SELECTION_LOGIC") @Size(max = 10000) String selectionLogic,
                                        @JsonProperty("STYLING_DNA") @Size(max = 10000) String stylingDna) {
    }

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

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record StylistPublic(String id, String name, String brand, StylingTemplateValues stylingTemplateValues,
                                String underpinningsQueryTemplate, @JsonProperty("public") boolean isPublic,
                                String ownerId, String organizationId, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    public record StylistsPublic(List<StylistPublic> data, long count) {
    }
}
