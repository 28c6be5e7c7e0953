package com.sartiq.hub.backend.media;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Uploads and media ingestion ({@code hub.media.*}).
 *
 * @param maxFileSize              largest upload accepted, in bytes (the docs: 50 MB)
 * @param presignExpirySeconds     validity of a presigned PUT (the docs: 15 minutes)
 * @param presignSecondsPerMb      extra validity per MB of the announced size, so slow links finish large files
 * @param maxPresignExpirySeconds  upper bound of that validity
 * @param thumbnailMaxSide         longer side of the JPEG thumbnail the enrichment job makes of each new image
 * @param enrichMaxPixels          images larger than this get no thumbnail (refused from the header, before decoding)
 */
@ConfigurationProperties("hub.media")
public record MediaProperties(Long maxFileSize, Integer presignExpirySeconds, Integer presignSecondsPerMb, Integer maxPresignExpirySeconds,
                              Integer thumbnailMaxSide, Long enrichMaxPixels) {

    public MediaProperties {
        maxFileSize = maxFileSize == null ? 52_428_800L : maxFileSize;
        presignExpirySeconds = presignExpirySeconds == null ? 900 : presignExpirySeconds;
        presignSecondsPerMb = presignSecondsPerMb == null ? 6 : presignSecondsPerMb;
        maxPresignExpirySeconds = maxPresignExpirySeconds == null ? 3600 : maxPresignExpirySeconds;
        thumbnailMaxSide = thumbnailMaxSide == null ? 512 : thumbnailMaxSide;
        enrichMaxPixels = enrichMaxPixels == null ? 50_000_000L : enrichMaxPixels;
    }

    /** 15 minutes, stretched by the announced size, capped. */
    public int expirySecondsFor(Long size) {
        long extra = size == null ? 0 : (size / 1_048_576L) * presignSecondsPerMb;
        return (int) Math.min(maxPresignExpirySeconds, presignExpirySeconds + extra);
    }
}
