package com.sartiq.hub.backend.catalog;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code hub.catalog.*}: the Redis cache of hot catalog lists (generation models, presets, shot types).
 *
 * @param cacheEnabled    whether those lists are cached at all
 * @param cacheTtlSeconds lifetime of a cached answer; writes evict at once, the lifetime only bounds what a
 *                        read racing a write may have stored
 */
@ConfigurationProperties("hub.catalog")
public record CatalogProperties(Boolean cacheEnabled, Integer cacheTtlSeconds) {

    public CatalogProperties {
        cacheEnabled = cacheEnabled == null || cacheEnabled;
        cacheTtlSeconds = cacheTtlSeconds == null ? 300 : cacheTtlSeconds;
    }
}
