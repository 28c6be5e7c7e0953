package com.sartiq.hub.compute.workers;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.data.redis.serializer.RedisSerializer;

/** The Redis subscription that wakes idle workers when a task is queued (see {@code TaskRoutes.WAKE_CHANNEL}). */
@Configuration(proxyBeanMethods = false)
public class WorkerConfiguration {

    @Bean
    public RedisMessageListenerContainer taskWakeListener(RedisConnectionFactory connections) {
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(connections);
        // Redis down: keep trying in the background; the workers poll meanwhile
        container.setRecoveryInterval(5_000);
        return container;
    }

    @Bean
    public RedisSerializer<String> taskWakeSerializer() {
        return RedisSerializer.string();
    }
}
