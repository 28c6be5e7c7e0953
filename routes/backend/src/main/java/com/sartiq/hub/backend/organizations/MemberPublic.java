package com.sartiq.hub.backend.organizations;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static com.sartiq.hub.common.sql.SqlValues.utc;

/** A membership: the user and their role in the organization. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record MemberPublic(String userId, String email, String fullName, String role, OffsetDateTime createdAt) {

    public static MemberPublic fromRow(Map<String, Object> row) {
        return new MemberPublic((String) row.get("user_id"), (String) row.get("email"), (String) row.get("full_name"),
                (String) row.get("role"), utc(row.get("created_at")));
    }

    @SuppressWarnings("unchecked")
    public static List<MemberPublic> fromRows(List<?> rows) {
        return rows.stream().map(r -> fromRow((Map<String, Object>) r)).toList();
    }
}
