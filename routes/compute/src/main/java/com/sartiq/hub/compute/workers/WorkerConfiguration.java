package com.sartiq.hub.compute.workers;

import com.sartiq.hub.common.redis.PooledListenerContainer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.data.redis.serializer.RedisSerializer;

/** The Redis subscription that wakes idle workers when a task is queued (see {@code TaskRoutes.WAKE_CHANNEL}). */
@Configuration(proxyBeanMethods = false)
public class WorkerConfiguration {

    @Bean(destroyMethod = "destroy")
    public RedisMessageListenerContainer taskWakeListener(RedisConnectionFactory connections,
                                                          @Value("${hub.redis.listener-threads:4}") int threads) {
        RedisMessageListenerContainer container = new PooledListenerContainer(connections, "taskWakeListener", threads);
        // Redis down: keep trying in the background; the workers poll meanwhile
        container.setRecoveryInterval(5_000);
        return container;
    }

    @Bean
    public RedisSerializer<String> taskWakeSerializer() {
        return RedisSerializer.string();
    }
}
