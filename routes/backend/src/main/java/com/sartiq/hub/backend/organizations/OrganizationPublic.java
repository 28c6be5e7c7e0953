package com.sartiq.hub.backend.organizations;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static com.sartiq.hub.common.sql.SqlValues.utc;

/** An organization, with the caller's {@code role} in it (null for a superuser who is not a member). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record OrganizationPublic(String id, String name, String role, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public static OrganizationPublic fromRow(Map<String, Object> row) {
        return new OrganizationPublic(String.valueOf(row.get("id")), (String) row.get("name"), (String) row.get("role"),
                utc(row.get("created_at")), utc(row.get("updated_at")));
    }

    @SuppressWarnings("unchecked")
    public static List<OrganizationPublic> fromRows(List<?> rows) {
        return rows.stream().map(r -> fromRow((Map<String, Object>) r)).toList();
    }
}
