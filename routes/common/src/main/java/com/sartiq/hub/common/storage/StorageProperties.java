package com.sartiq.hub.common.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Object storage coordinates ({@code hub.storage.*}). Production points at Cloudflare R2 (region
 * {@code auto}); tests and the local stack at an S3-compatible server on loopback.
 *
 * @param endpoint     S3 API endpoint; empty means AWS itself
 * @param region       {@code auto} for R2, {@code us-east-1} for most local servers
 * @param bucket       bucket holding uploads, media and task results
 * @param accessKey    access key id
 * @param secretKey    secret access key
 * @param cdnBaseUrl   public base URL objects are served from; a key is appended after a slash
 * @param pathStyle    path-style addressing (needed by R2 and local servers)
 */
@ConfigurationProperties("hub.storage")
public record StorageProperties(
        String endpoint,
        String region,
        String bucket,
        String accessKey,
        String secretKey,
        String cdnBaseUrl,
        Boolean pathStyle) {

    public StorageProperties {
        region = region == null || region.isBlank() ? "auto" : region;
        bucket = bucket == null || bucket.isBlank() ? "sartiq" : bucket;
        pathStyle = pathStyle == null || pathStyle;
    }

    /** The public (CDN) URL of an object key. */
    public String publicUrl(String key) {
        String base = cdnBaseUrl == null ? "" : cdnBaseUrl.replaceAll("/+$", "");
        return base + "/" + key;
    }
}
