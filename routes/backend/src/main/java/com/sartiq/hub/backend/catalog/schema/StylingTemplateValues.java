package com.sartiq.hub.backend.catalog.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;
import java.util.List;

/** The documented keys of {@code styling_template_values}, each a free text. */
public record StylingTemplateValues(@JsonProperty("AESTHETIC") @Size(max = 10000) String aesthetic,
                                    @JsonProperty("COLOR_RULES") @Size(max = 10000) String colorRules,
                                    @JsonProperty("FILLER_SPECIFIC_NOTES") @Size(max = 10000) String fillerSpecificNotes,
                                    @JsonProperty("LAYERING_RULES") @Size(max = 10000) String layeringRules,
                                    @JsonProperty("OPTIONALITY_RULES") @Size(max = 10000) String optionalityRules,
                                    @JsonProperty("SELECTION_LOGIC") @Size(max = 10000) String selectionLogic,
                                    @JsonProperty("STYLING_DNA") @Size(max = 10000) String stylingDna) {
}
