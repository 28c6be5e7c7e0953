package com.sartiq.hub.compute.providers;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Against the machine's Redis (HUB_TEST_REDIS_URL or 127.0.0.1:6379), under a private key prefix. */
class RedisSemaphoreTest {

    private static LettuceConnectionFactory connections;
    private static RedisSemaphore semaphore;
    private static StringRedisTemplate redis;
    private static final String PREFIX = "hubtest-sem-" + UUID.randomUUID() + ":";

    @BeforeAll
    static void connect() {
        String host = System.getenv().getOrDefault("HUB_TEST_REDIS_HOST", "127.0.0.1");
        connections = new LettuceConnectionFactory(host, 6379);
        connections.afterPropertiesSet();
        redis = new StringRedisTemplate(connections);
        semaphore = new RedisSemaphore(redis, PREFIX);
    }

    @AfterAll
    static void cleanUp() {
        redis.delete(redis.keys(PREFIX + "*"));
        connections.destroy();
    }

    @Test
    void givesAtMostTheLimitAndTakingTwiceIsOneSlot() {
        assertTrue(semaphore.tryAcquire("p1", "a", 2, 60_000));
        assertTrue(semaphore.tryAcquire("p1", "a", 2, 60_000), "same holder renews");
        assertTrue(semaphore.tryAcquire("p1", "b", 2, 60_000));
        assertFalse(semaphore.tryAcquire("p1", "c", 2, 60_000));
        assertEquals(2, semaphore.inUse("p1"));
        semaphore.release("p1", "a");
        assertTrue(semaphore.tryAcquire("p1", "c", 2, 60_000));
    }

    @Test
    void theSlotOfAHolderThatStoppedRenewingComesBack() throws Exception {
        assertTrue(semaphore.tryAcquire("p2", "crashed", 1, 100));
        assertFalse(semaphore.tryAcquire("p2", "next", 1, 60_000));
        Thread.sleep(150);
        assertTrue(semaphore.acquire("p2", "next", 1, 60_000, 1000));
        assertEquals(1, semaphore.inUse("p2"));
    }

    @Test
    void aRenewalAfterTheReleaseDoesNotTakeTheSlotBack() {
        assertTrue(semaphore.tryAcquire("p4", "done", 1, 60_000));
        semaphore.release("p4", "done");
        semaphore.renew("p4", "done", 60_000); // a status poll that began before the result was stored
        assertEquals(0, semaphore.inUse("p4"), "a finished holder keeps no slot");
        assertTrue(semaphore.tryAcquire("p4", "next", 1, 60_000));
        semaphore.release("p4", "next");
        assertTrue(semaphore.tryAcquire("p4", "done", 1, 60_000), "taking the slot again (a new attempt) is allowed");
        semaphore.renew("p4", "done", 60_000);
        assertEquals(1, semaphore.inUse("p4"), "and its renewals count again");
    }

    @Test
    void waitingGivesUpAfterTheWait() throws Exception {
        assertTrue(semaphore.tryAcquire("p3", "holder", 1, 60_000));
        long started = System.nanoTime();
        assertFalse(semaphore.acquire("p3", "waiter", 1, 60_000, 200));
        assertTrue((System.nanoTime() - started) / 1_000_000 >= 200);
    }
}
