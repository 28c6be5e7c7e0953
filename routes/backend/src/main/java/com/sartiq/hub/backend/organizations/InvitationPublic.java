package com.sartiq.hub.backend.organizations;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static com.sartiq.hub.common.sql.SqlValues.utc;

/** An invitation; {@code status} is {@code pending}, {@code accepted} or {@code expired}. The token only travels by e-mail. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record InvitationPublic(String id, String organizationId, String email, String role, String status,
                               OffsetDateTime expiresAt, OffsetDateTime acceptedAt, OffsetDateTime createdAt) {

    public static InvitationPublic fromRow(Map<String, Object> row) {
        OffsetDateTime expires = utc(row.get("expires_at"));
        OffsetDateTime accepted = utc(row.get("accepted_at"));
        String status = accepted != null ? "accepted" : expires.isBefore(OffsetDateTime.now()) ? "expired" : "pending";
        return new InvitationPublic(String.valueOf(row.get("id")), String.valueOf(row.get("organization_id")), (String) row.get("email"),
                (String) row.get("role"), status, expires, accepted, utc(row.get("created_at")));
    }

    @SuppressWarnings("unchecked")
    public static List<InvitationPublic> fromRows(List<?> rows) {
        return rows.stream().map(r -> fromRow((Map<String, Object>) r)).toList();
    }
}
