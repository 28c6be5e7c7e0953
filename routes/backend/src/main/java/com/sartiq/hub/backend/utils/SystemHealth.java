package com.sartiq.hub.backend.utils;

import com.sartiq.hub.common.storage.StorageProperties;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code /utils/system-health-check}: each dependency checked once, with its latency; the answer
 * always comes (each client has its own timeout) and says {@code degraded} when one check failed.
 */
public class SystemHealth {

    private final JdbcClient jdbc;
    private final StringRedisTemplate redis;
    private final S3Client s3;
    private final StorageProperties storage;

    public SystemHealth(JdbcClient jdbc, StringRedisTemplate redis, S3Client s3, StorageProperties storage) {
        this.jdbc = jdbc;
        this.redis = redis;
        this.s3 = s3;
        this.storage = storage;
    }

    public Map<String, Object> check() {
        Map<String, Object> checks = new LinkedHashMap<>();
        checks.put("database", probe(() -> jdbc.sql("select 1").query(Integer.class).single()));
        checks.put("redis", probe(() -> redis.execute((org.springframework.data.redis.core.RedisCallback<String>) c -> c.ping())));
        checks.put("storage", probe(() -> s3.headBucket(b -> b.bucket(storage.bucket()))));
        boolean healthy = checks.values().stream().allMatch(c -> "ok".equals(((Map<?, ?>) c).get("status")));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", healthy ? "healthy" : "degraded");
        answer.put("checks", checks);
        return answer;
    }

    public boolean databaseUp() {
        return "ok".equals(probe(() -> jdbc.sql("select 1").query(Integer.class).single()).get("status"));
    }

    private static Map<String, Object> probe(Callable<?> check) {
        long started = System.nanoTime();
        Map<String, Object> result = new LinkedHashMap<>();
        try {
            check.call();
            result.put("status", "ok");
        } catch (Exception e) {
            result.put("status", "error");
            result.put("error", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        result.put("latency_ms", (System.nanoTime() - started) / 1_000_000);
        return result;
    }
}
