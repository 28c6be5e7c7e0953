package com.sartiq.hub.backend.shootings;

import java.time.OffsetDateTime;

/** A review note on a shot's revision, optionally pinned to a point ({@code x}, {@code y} in 0–1) of one of its images. */
public record AnnotationPublic(String id, String shotId, String revisionId, Integer version, String imageId, String authorId, String text,
                               Double x, Double y, OffsetDateTime createdAt) {
}
