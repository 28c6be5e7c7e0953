package com.sartiq.hub.backend.media;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Answer of {@code POST /uploads/presigned-url}: PUT the bytes to {@code upload_url} (with the same
 * Content-Type, and Content-Length when a size was announced), then hand {@code file_url} to a create.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PresignedUpload(String uploadUrl, String fileUrl, String uploadMethod, int expiresInSeconds, long maxFileSize) {
}
