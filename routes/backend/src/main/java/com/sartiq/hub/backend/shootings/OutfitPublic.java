package com.sartiq.hub.backend.shootings;

import java.time.OffsetDateTime;
import java.util.List;

/** An outfit: additional products, reference images (CDN URLs of ingested media) and an instruction. */
public record OutfitPublic(String id, String ownerId, String organizationId, String name, String instruction, List<String> productIds,
                           List<String> referenceImages, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
