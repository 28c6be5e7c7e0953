package com.sartiq.hub.backend.auth;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.time.OffsetDateTime;
import java.util.Map;

import static com.sartiq.hub.common.sql.SqlValues.utc;

/** The documented {@code UserPublic}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record UserPublic(String id, String email, String fullName, boolean isActive, boolean isSuperuser, int reworkAvailable,
                         OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public static UserPublic fromRow(Map<String, Object> row) {
        return new UserPublic(String.valueOf(row.get("id")), (String) row.get("email"), (String) row.get("full_name"),
                (Boolean) row.get("is_active"), (Boolean) row.get("is_superuser"),
                row.get("rework_available") == null ? 0 : ((Number) row.get("rework_available")).intValue(),
                utc(row.get("created_at")),
                utc(row.get("updated_at")));
    }
}
