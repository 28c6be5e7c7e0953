package com.sartiq.hub.backend.media;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /uploads/presigned-url}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record UploadRequest(
        @NotBlank @Size(max = 255) String filename,
        @NotBlank @Size(max = 255) String contentType,
        @PositiveOrZero Long size) {
}
