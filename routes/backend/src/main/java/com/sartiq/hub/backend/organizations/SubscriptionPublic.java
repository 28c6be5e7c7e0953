package com.sartiq.hub.backend.organizations;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static com.sartiq.hub.common.sql.SqlValues.utc;

/** An organization's plan and billing period (read-only through the API). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SubscriptionPublic(String id, String organizationId, String plan, String status, Integer seats,
                                 OffsetDateTime currentPeriodStart, OffsetDateTime currentPeriodEnd,
                                 OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    @SuppressWarnings("unchecked")
    public static List<SubscriptionPublic> fromRows(List<?> rows) {
        return rows.stream().map(r -> {
            Map<String, Object> row = (Map<String, Object>) r;
            return new SubscriptionPublic(String.valueOf(row.get("id")), String.valueOf(row.get("organization_id")),
                    (String) row.get("plan"), (String) row.get("status"), (Integer) row.get("seats"),
                    utc(row.get("current_period_start")), utc(row.get("current_period_end")),
                    utc(row.get("created_at")), utc(row.get("updated_at")));
        }).toList();
    }
}
