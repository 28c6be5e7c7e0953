package com.sartiq.hub.backend.media;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.sartiq.hub.common.storage.StorageProperties;

import java.time.OffsetDateTime;
import java.util.Map;

import static com.sartiq.hub.common.sql.SqlValues.utc;

/** The documented MediaResource, plus its CDN {@code url} and, once the enrichment job ran, its {@code thumbnail_url}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record MediaResourcePublic(String id, String resourceType, String storageKey, String contentHash, String extension,
                                  Long fileSize, Integer width, Integer height, String dominantColor, @com.fasterxml.jackson.annotation.JsonProperty("protected") boolean isProtected,
                                  String altText, String caption, String colorProfile, Double duration, String url,
                                  String thumbnailUrl, OffsetDateTime createdAt) {

    public static MediaResourcePublic fromRow(Map<String, Object> row, StorageProperties storage) {
        return new MediaResourcePublic(String.valueOf(row.get("id")), (String) row.get("resource_type"), (String) row.get("storage_key"),
                (String) row.get("content_hash"), (String) row.get("extension"), ((Number) row.get("file_size")).longValue(),
                (Integer) row.get("width"), (Integer) row.get("height"), (String) row.get("dominant_color"),
                Boolean.TRUE.equals(row.get("protected")), (String) row.get("alt_text"), (String) row.get("caption"),
                (String) row.get("color_profile"), row.get("duration") == null ? null : ((Number) row.get("duration")).doubleValue(),
                storage.publicUrl((String) row.get("storage_key")),
                row.get("thumbnail_key") == null ? null : storage.publicUrl((String) row.get("thumbnail_key")), utc(row.get("created_at")));
    }
}
