package com.sartiq.hub.backend.compute;

import com.sartiq.hub.common.redis.PooledListenerContainer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.data.redis.serializer.RedisSerializer;

import java.net.URI;

/**
 * A subscription to compute's Redis (not ours), used only to follow its task events. Its connection
 * factory is deliberately not a bean: that would displace Boot's own Redis connection for the backend.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ComputeProperties.class)
public class ComputeEventsConfiguration {

    @Bean(destroyMethod = "destroy")
    public RedisMessageListenerContainer computeEventsListener(ComputeProperties compute,
                                                               @Value("${hub.redis.listener-threads:4}") int threads) {
        LettuceConnectionFactory connection = new LettuceConnectionFactory(standalone(URI.create(compute.redisUrl())));
        connection.afterPropertiesSet();
        connection.start();
        return new PooledListenerContainer(connection, "computeEventsListener", threads) {
            @Override
            public void destroy() throws Exception {
                super.destroy();
                connection.destroy();
            }
        };
    }

    @Bean
    public RedisSerializer<String> stringRedisSerializer() {
        return RedisSerializer.string();
    }

    static RedisStandaloneConfiguration standalone(URI uri) {
        RedisStandaloneConfiguration standalone = new RedisStandaloneConfiguration(uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort());
        String path = uri.getPath() == null ? "" : uri.getPath().replace("/", "");
        if (!path.isEmpty()) {
            standalone.setDatabase(Integer.parseInt(path));
        }
        if (uri.getUserInfo() != null) {
            String[] parts = uri.getUserInfo().split(":", 2);
            standalone.setPassword(parts.length == 2 ? parts[1] : parts[0]);
        }
        return standalone;
    }
}
