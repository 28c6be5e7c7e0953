package com.sartiq.hub.compute.apikeys;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.time.OffsetDateTime;
import java.util.Map;

import static com.sartiq.hub.common.sql.SqlValues.utc;

/**
 * An API key as the API shows it: {@code key} only in the answer that created it (it is not stored),
 * {@code prefix} (its first characters) always.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiKeyView(String id, String name, String prefix, String key, OffsetDateTime createdAt, OffsetDateTime lastUsedAt,
                         OffsetDateTime revokedAt) {

    static ApiKeyView fromRow(Map<String, Object> row, String key) {
        return new ApiKeyView(String.valueOf(row.get("id")), (String) row.get("name"), (String) row.get("prefix"), key,
                utc(row.get("created_at")), utc(row.get("last_used_at")), utc(row.get("revoked_at")));
    }
}
