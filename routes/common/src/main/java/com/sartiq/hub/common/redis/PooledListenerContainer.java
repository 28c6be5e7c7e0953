package com.sartiq.hub.common.redis;

import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * A Redis subscription whose messages are handled by a fixed pool of {@code hub.redis.listener-threads} threads.
 * Spring's default starts a new thread for every message: under load (a wake-up per queued task and per freed fal
 * slot, several task events per task) that was a hundred thread starts a second. The pool ends with the container.
 */
public class PooledListenerContainer extends RedisMessageListenerContainer {

    private final ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();

    public PooledListenerContainer(RedisConnectionFactory connections, String name, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("hub.redis.listener-threads must be at least 1, was " + threads);
        }
        pool.setCorePoolSize(threads);
        pool.setMaxPoolSize(threads);
        pool.setThreadNamePrefix(name + "-");
        pool.initialize();
        setConnectionFactory(connections);
        setTaskExecutor(pool);
    }

    @Override
    public void destroy() throws Exception {
        try {
            super.destroy();
        } finally {
            pool.shutdown();
        }
    }
}
