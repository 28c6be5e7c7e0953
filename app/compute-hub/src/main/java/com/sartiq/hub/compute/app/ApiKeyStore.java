package com.sartiq.hub.compute.app;

import com.sartiq.hub.compute.apikeys.ApiKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which bearer keys are valid: the bootstrap keys of the environment ({@code hub.compute.api-keys},
 * kept as digests in memory) and the live keys of the {@code api_key} table. Verdicts on table keys
 * are cached for {@code cacheSeconds}, so a revocation takes effect within that time and a busy key
 * costs one query per period (which also records its last use).
 */
public class ApiKeyStore {

    private static final Logger LOG = LoggerFactory.getLogger(ApiKeyStore.class);

    private record Verdict(boolean valid, long expiresAt) {
    }

    private final List<byte[]> bootstrap;
    private final JdbcClient jdbc;
    private final long cacheMillis;
    private final Map<String, Verdict> cache = new ConcurrentHashMap<>();

    public ApiKeyStore(List<String> bootstrapKeys, JdbcClient jdbc, long cacheSeconds) {
        this.bootstrap = bootstrapKeys.stream().map(String::trim).filter(k -> !k.isEmpty()).map(ApiKeys::sha256).toList();
        if (bootstrap.isEmpty()) {
            throw new IllegalStateException("hub.compute.api-keys (HUB_COMPUTE_API_KEY) must name at least one API key");
        }
        this.jdbc = jdbc;
        this.cacheMillis = cacheSeconds * 1000;
    }

    public boolean isValid(String key) {
        byte[] digest = ApiKeys.sha256(key);
        boolean known = false;
        for (byte[] candidate : bootstrap) {
            known |= MessageDigest.isEqual(candidate, digest);
        }
        if (known) {
            return true;
        }
        String cacheKey = HexFormat.of().formatHex(digest);
        long now = System.currentTimeMillis();
        Verdict cached = cache.get(cacheKey);
        if (cached != null && cached.expiresAt() > now) {
            return cached.valid();
        }
        boolean valid;
        try {
            // the digest is the lookup key: equal digests mean equal keys, no secret is compared here
            valid = jdbc.sql("update api_key set last_used_at = now() where key_sha256 = ? and revoked_at is null returning id")
                    .param(digest).query().listOfRows().size() == 1;
        } catch (RuntimeException e) {
            LOG.warn("API key lookup failed ({}); refusing the request", e.getMessage());
            return false;
        }
        if (cache.size() > 10_000) {
            cache.clear();
        }
        cache.put(cacheKey, new Verdict(valid, now + cacheMillis));
        return valid;
    }
}
