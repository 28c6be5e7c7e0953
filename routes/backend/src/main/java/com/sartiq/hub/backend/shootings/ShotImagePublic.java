package com.sartiq.hub.backend.shootings;

import java.time.OffsetDateTime;

/** An image of a shot revision: an upload ({@code media_resource_id}) or a selected prediction ({@code prediction_id}). */
public record ShotImagePublic(String id, String url, String source, String predictionId, String mediaResourceId, int position,
                              OffsetDateTime createdAt) {
}
