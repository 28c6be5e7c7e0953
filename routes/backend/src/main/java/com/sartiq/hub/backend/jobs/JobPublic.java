package com.sartiq.hub.backend.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sartiq.hub.common.sql.SqlValues;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A job as the API shows it. {@code status}: {@code pending} (waiting, also between retries), {@code running},
 * {@code completed}, {@code failed}. A completed export carries {@code download_url}, a presigned link
 * valid until {@code download_expires_at} (a fresh one on every read).
 */
public record JobPublic(String id, String kind, String status, String entityId, int attempt, int maxAttempts, String errorMessage,
                        JsonNode result, String downloadUrl, OffsetDateTime downloadExpiresAt,
                        OffsetDateTime createdAt, OffsetDateTime startedAt, OffsetDateTime completedAt) {

    /** A presigned download link for an object key. */
    public interface Links {
        /** A link to the object under {@code key}, downloaded as {@code fileName} when one is given. */
        Link sign(String key, String fileName);
    }

    public record Link(String url, OffsetDateTime expiresAt) {
    }

    public static JobPublic fromRow(Map<String, Object> row, ObjectMapper mapper, Links links) {
        JsonNode result = null;
        try {
            result = row.get("result") == null ? null : mapper.readTree((String) row.get("result"));
        } catch (Exception e) {
            throw new IllegalStateException("job result is not JSON", e);
        }
        Link link = null;
        if ("completed".equals(row.get("status")) && result != null && result.hasNonNull("key")) {
            link = links.sign(result.get("key").asText(), result.hasNonNull("file_name") ? result.get("file_name").asText() : null);
        }
        return new JobPublic((String) row.get("id"), (String) row.get("kind"), (String) row.get("status"), (String) row.get("entity_id"),
                ((Number) row.get("attempt")).intValue(), ((Number) row.get("max_attempts")).intValue(), (String) row.get("error_message"),
                result, link == null ? null : link.url(), link == null ? null : link.expiresAt(),
                SqlValues.utc(row.get("created_at")), SqlValues.utc(row.get("started_at")), SqlValues.utc(row.get("completed_at")));
    }
}
