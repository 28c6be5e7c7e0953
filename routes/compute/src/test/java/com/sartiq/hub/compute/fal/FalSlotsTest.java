package com.sartiq.hub.compute.fal;

import com.sartiq.hub.compute.providers.RedisSemaphore;
import com.sartiq.hub.compute.tasks.QueueWake;
import com.sartiq.hub.compute.tasks.TaskRoutes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fal queues' admission and wake-up, against the machine's Redis under a private key prefix. */
class FalSlotsTest {

    private static final String PREFIX = "hubtest-falslots-" + UUID.randomUUID() + ":";
    private static LettuceConnectionFactory connections;
    private static StringRedisTemplate redis;
    private static FalSlots slots;

    @BeforeAll
    static void connect() {
        connections = new LettuceConnectionFactory(System.getenv().getOrDefault("HUB_TEST_REDIS_HOST", "127.0.0.1"), 6379);
        connections.afterPropertiesSet();
        redis = new StringRedisTemplate(connections);
        FalProperties fal = new FalProperties(null, null, null, null, null, null, null, 3, null, 100L, null, null, null, null, null,
                null, null, null, null, null, null);
        slots = new FalSlots(new RedisSemaphore(redis, PREFIX), fal, new QueueWake(redis, PREFIX));
    }

    @AfterAll
    static void cleanUp() {
        redis.delete(redis.keys(PREFIX + "*"));
        connections.destroy();
    }

    @Test
    void admitsNoMoreTasksThanFreeSlotsLessTheOnesThisProcessIsStillSubmitting() throws Exception {
        assertEquals(3, slots.admit(10, 0));
        assertTrue(slots.acquire("a"));
        assertEquals(2, slots.admit(10, 0));
        assertEquals(1, slots.admit(10, 1), "a claimed task not yet holding a slot counts against the free ones");
        assertEquals(1, slots.admit(1, 0), "never more than wanted");
        assertTrue(slots.acquire("b"));
        assertTrue(slots.acquire("c"));
        assertEquals(0, slots.admit(10, 0));
        assertEquals(0, slots.admit(10, 2), "never negative");
        slots.release("a");
        assertEquals(1, slots.admit(10, 0));
        slots.release("b");
        slots.release("c");
    }

    @Test
    void aReleaseWakesTheFalQueues() throws Exception {
        List<String> woken = new CopyOnWriteArrayList<>();
        CountDownLatch two = new CountDownLatch(2);
        RedisMessageListenerContainer listener = new RedisMessageListenerContainer();
        listener.setConnectionFactory(connections);
        listener.addMessageListener((message, pattern) -> {
            woken.add(new String(message.getBody()));
            two.countDown();
        }, new ChannelTopic(PREFIX + TaskRoutes.WAKE_CHANNEL));
        listener.afterPropertiesSet();
        listener.start();
        try {
            Thread.sleep(200);
            assertTrue(slots.acquire("d"));
            slots.release("d");
            assertTrue(two.await(5, TimeUnit.SECONDS), "woken: " + woken);
            assertEquals(List.of("fal", "fal-training"), woken.stream().sorted().toList());
        } finally {
            listener.stop();
            listener.destroy();
        }
    }
}
