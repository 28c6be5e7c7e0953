package com.sartiq.hub.backend.shootings;

import java.time.OffsetDateTime;
import java.util.List;

/** A look with the shots it has (one per shot type) and its outfit's id. */
public record LookPublic(String id, String shootingId, String name, String mainProductId, String subjectId, String styleId,
                         List<String> shotTypeIds, String resolutionPresetId, Integer width, Integer height, String backgroundPresetId,
                         String fileFormat, String outfitId, List<ShotRef> shots, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public record ShotRef(String id, String shotTypeId) {
    }
}
