package com.sartiq.hub.common.redis;

import com.sartiq.hub.testsupport.RedisService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Messages of a subscription handled by the container's own small pool, against the machine's Redis. */
class PooledListenerContainerTest {

    private static final String CHANNEL = "hubtest-pooled-" + UUID.randomUUID();
    private static LettuceConnectionFactory connections;
    private static StringRedisTemplate redis;

    @BeforeAll
    static void connect() {
        RedisService service = RedisService.findOrStart();
        connections = new LettuceConnectionFactory(service.host(), service.port());
        connections.afterPropertiesSet();
        connections.start();
        redis = new StringRedisTemplate(connections);
    }

    @AfterAll
    static void disconnect() {
        connections.destroy();
    }

    @Test
    void everyMessageIsHandledOnThePoolsThreadsAndThePoolEndsWithTheContainer() throws Exception {
        int messages = 200;
        Set<String> threads = ConcurrentHashMap.newKeySet();
        CountDownLatch handled = new CountDownLatch(messages);
        PooledListenerContainer container = new PooledListenerContainer(connections, "pooledTest", 3);
        container.addMessageListener((message, pattern) -> {
            threads.add(Thread.currentThread().getName());
            if (!new String(message.getBody()).equals("ping")) {
                handled.countDown();
            }
        }, new ChannelTopic(CHANNEL));
        container.afterPropertiesSet();
        container.start();
        try {
            awaitSubscribed();
            for (int i = 0; i < messages; i++) {
                redis.convertAndSend(CHANNEL, "m" + i);
            }
            assertTrue(handled.await(10, TimeUnit.SECONDS), handled.getCount() + " messages not handled");
            assertTrue(threads.size() <= 3, "threads: " + threads);
            assertTrue(threads.stream().allMatch(t -> t.startsWith("pooledTest-")), "threads: " + threads);
        } finally {
            container.destroy();
        }
        long deadline = System.currentTimeMillis() + 5000;
        while (poolThreadsAlive() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(0, poolThreadsAlive(), "the pool's threads end with the container");
    }

    @Test
    void aPoolNeedsAThread() {
        assertThrows(IllegalArgumentException.class, () -> new PooledListenerContainer(connections, "none", 0));
    }

    /** PUBLISH answers how many subscribers got the message: pings until the container's subscription counts. */
    private static void awaitSubscribed() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5000;
        while (System.currentTimeMillis() < deadline) {
            Long receivers = redis.convertAndSend(CHANNEL, "ping");
            if (receivers != null && receivers > 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the container did not subscribe to " + CHANNEL);
    }

    private static long poolThreadsAlive() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("pooledTest-") && t.isAlive()).count();
    }
}
