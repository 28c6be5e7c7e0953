package com.sartiq.hub.backend.cache;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Redis cache of hot reads ({@code hub.cache.*}).
 *
 * @param userTtlSeconds  lifetime of a cached user (users/me) and of a user's token version
 * @param enabled         false turns every read into a database read (writes still evict)
 */
@ConfigurationProperties("hub.cache")
public record CacheProperties(Integer userTtlSeconds, Boolean enabled) {

    public CacheProperties {
        userTtlSeconds = userTtlSeconds == null ? 300 : userTtlSeconds;
        enabled = enabled == null || enabled;
    }
}
