package com.sartiq.hub.backend.shootings;

import java.time.OffsetDateTime;
import java.util.List;

/** A shot revision: sequential {@code version}, review {@code status} (PENDING, IN_REVIEW, APPROVED, REJECTED), notes, images. */
public record RevisionPublic(String id, int version, String status, String notes, OffsetDateTime reviewedAt, List<ShotImagePublic> images,
                             OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
