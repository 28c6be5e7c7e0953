package com.sartiq.hub.backend.shootings;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.util.List;

/** A shooting as the API shows it, with its productions (MAIN / TEST) and how many looks it has. */
public record ShootingPublic(String id, String ownerId, String organizationId, String name, String description, OffsetDateTime dueDate,
                             boolean archived, String season, String collection, String brand, String shootingType, String phase,
                             boolean requireTestShooting, String defaultGuidelinesId, JsonNode defaultGuidelines,
                             List<Production> productions, long lookCount, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public record Production(String id, String kind, OffsetDateTime createdAt) {
    }
}
