package com.sartiq.hub.backend.cache;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The caller's user record ({@code users/me}) and token version, cached in Redis under the hub's key
 * prefix, evicted on every write to the user. Redis being down only costs database reads: every
 * failure is logged and treated as a miss.
 */
public class UserCache {

    private static final Logger LOG = LoggerFactory.getLogger(UserCache.class);

    private final StringRedisTemplate redis;
    private final String prefix;
    private final CacheProperties properties;

    public UserCache(StringRedisTemplate redis, String prefix, CacheProperties properties) {
        this.redis = redis;
        this.prefix = prefix;
        this.properties = properties;
    }

    public Optional<String> me(String userId) {
        return get(meKey(userId));
    }

    public void putMe(String userId, String json) {
        put(meKey(userId), json);
    }

    /** The cached token state of a user: a version number, or {@code "-1"} for a missing or inactive user. */
    public Optional<String> tokenVersion(String userId) {
        return get(tokenKey(userId));
    }

    public void putTokenVersion(String userId, String version) {
        put(tokenKey(userId), version);
    }

    /** After any change to the user: the next read goes to the database. */
    public void evict(String userId) {
        try {
            redis.delete(List.of(meKey(userId), tokenKey(userId)));
        } catch (RuntimeException e) {
            LOG.warn("Could not evict the cache of user {}: {}", userId, e.getMessage());
        }
    }

    private Optional<String> get(String key) {
        if (!properties.enabled()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(redis.opsForValue().get(key));
        } catch (RuntimeException e) {
            LOG.warn("Cache read of {} failed: {}", key, e.getMessage());
            return Optional.empty();
        }
    }

    private void put(String key, String value) {
        if (!properties.enabled()) {
            return;
        }
        try {
            redis.opsForValue().set(key, value, Duration.ofSeconds(properties.userTtlSeconds()));
        } catch (RuntimeException e) {
            LOG.warn("Cache write of {} failed: {}", key, e.getMessage());
        }
    }

    private String meKey(String userId) {
        return prefix + "cache:user:" + userId + ":me";
    }

    private String tokenKey(String userId) {
        return prefix + "cache:user:" + userId + ":token-version";
    }
}
