package com.sartiq.hub.backend.shootings;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/** The bodies of the shot endpoints. */
public final class ShotRequests {

    private ShotRequests() {
    }

    /** {@code POST /shots/{id}/approve} (body optional). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Approve(@Size(max = 4000) String notes) {
    }

    /** {@code POST /shots/{id}/reject}: why, for the next revision. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Reject(@NotBlank @Size(max = 4000) String notes) {
    }

    /** {@code PATCH /shots/{id}}: the current revision's notes, and PENDING ⇄ IN_REVIEW. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Update(@Size(max = 4000) String notes, ReviewRules.Status status) {
    }

    /** {@code POST /shots/{id}/images}: an uploaded file's URL (presigned upload flow) or one of our media URLs. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record AddImage(@NotBlank @Size(max = 2000) String imageUrl) {
    }

    /** {@code POST /shots/{id}/generate}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Generate(UUID modelId, @NotNull @Min(1) @Max(8) Integer numPredictions) {
    }

    /** {@code POST /annotations}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Annotate(@NotNull UUID shotId, UUID revisionId, UUID imageId, @NotBlank @Size(max = 4000) String text,
                           @Min(0) @Max(1) Double x, @Min(0) @Max(1) Double y) {
    }
}
