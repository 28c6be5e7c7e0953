package com.sartiq.hub.compute.providers;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;

import java.util.List;

/**
 * A counting semaphore shared by every compute-hub instance: one Redis sorted set per provider, members are
 * holders (task ids), scores the time their lease ends (Redis's clock, so instances' clocks need not agree). Taking a slot first drops expired leases, so the slot
 * of a crashed holder comes back by itself; taking it again with the same holder renews it (idempotent).
 * A release leaves a short-lived mark, so a renewal racing with it (a status poll that started before the
 * result was stored) cannot put a finished holder back and hold its slot until the lease runs out.
 * All of it runs as Lua scripts, so the check and the add are one atomic step.
 */
public class RedisSemaphore {

    private static final RedisScript<Long> ACQUIRE = new DefaultRedisScript<>("""
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
            if redis.call('ZSCORE', KEYS[1], ARGV[2]) then
              redis.call('ZADD', KEYS[1], now + tonumber(ARGV[4]), ARGV[2])
              return 1
            end
            if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[3]) then
              redis.call('ZADD', KEYS[1], now + tonumber(ARGV[4]), ARGV[2])
              redis.call('DEL', KEYS[2])
              return 1
            end
            return 0
            """, Long.class);

    private static final RedisScript<Long> COUNT = new DefaultRedisScript<>("""
            local t = redis.call('TIME')
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000))
            return redis.call('ZCARD', KEYS[1])
            """, Long.class);

    private static final RedisScript<Long> RENEW = new DefaultRedisScript<>("""
            if redis.call('EXISTS', KEYS[2]) == 1 then
              return 0
            end
            local t = redis.call('TIME')
            redis.call('ZADD', KEYS[1], tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) + tonumber(ARGV[2]), ARGV[1])
            return 1
            """, Long.class);

    private static final RedisScript<Long> RELEASE = new DefaultRedisScript<>("""
            redis.call('ZREM', KEYS[1], ARGV[1])
            redis.call('SET', KEYS[2], '1', 'PX', ARGV[2])
            return 1
            """, Long.class);

    /** How long a release keeps late renewals of its holder out: longer than any status check takes. */
    private static final long RELEASED_MARK_MS = 10 * 60 * 1000;

    private final StringRedisTemplate redis;
    private final String keyPrefix;

    public RedisSemaphore(StringRedisTemplate redis, String keyPrefix) {
        this.redis = redis;
        this.keyPrefix = keyPrefix == null ? "" : keyPrefix;
    }

    /** Takes (or renews) the holder's slot if one is free; never waits. */
    public boolean tryAcquire(String provider, String holder, int limit, long leaseMillis) {
        Long taken = redis.execute(ACQUIRE, List.of(key(provider), released(provider, holder)), "", holder, String.valueOf(limit),
                String.valueOf(leaseMillis));
        return taken != null && taken == 1L;
    }

    /**
     * Waits up to {@code waitMillis} for a slot, polling briefly (a released slot is taken within a few ms,
     * which is what keeps utilisation near the limit).
     */
    public boolean acquire(String provider, String holder, int limit, long leaseMillis, long waitMillis) throws InterruptedException {
        long deadline = System.nanoTime() + waitMillis * 1_000_000;
        long pause = 5;
        while (true) {
            if (tryAcquire(provider, holder, limit, leaseMillis)) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(pause + (long) (Math.random() * pause));
            pause = Math.min(pause * 2, 40);
        }
    }

    /**
     * Extends a lease still held; a lease that already expired is taken again (the request is still in flight),
     * unless the holder released its slot since it last took one.
     */
    public void renew(String provider, String holder, long leaseMillis) {
        redis.execute(RENEW, List.of(key(provider), released(provider, holder)), holder, String.valueOf(leaseMillis));
    }

    public void release(String provider, String holder) {
        redis.execute(RELEASE, List.of(key(provider), released(provider, holder)), holder, String.valueOf(RELEASED_MARK_MS));
    }

    /** Slots held right now, across all instances. */
    public int inUse(String provider) {
        Long count = redis.execute(COUNT, List.of(key(provider)));
        return count == null ? 0 : count.intValue();
    }

    private String key(String provider) {
        return keyPrefix + "providers:" + provider + ":slots";
    }

    private String released(String provider, String holder) {
        return keyPrefix + "providers:" + provider + ":released:" + holder;
    }
}
