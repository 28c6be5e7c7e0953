package com.sartiq.hub.backend.shootings;

import java.time.OffsetDateTime;

/** A shot: one deliverable of a look in one shot type; its {@code status} is its current revision's. */
public record ShotPublic(String id, String shootingId, String lookId, String lookName, String shotTypeId, String shotTypeName,
                         String status, RevisionPublic currentRevision, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
