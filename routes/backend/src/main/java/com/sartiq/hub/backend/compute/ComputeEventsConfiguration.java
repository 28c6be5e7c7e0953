package com.sartiq.hub.backend.compute;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.serializer.RedisSerializer;

import java.net.URI;

/** A connection to compute's Redis (not ours), used only to follow its task events. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ComputeProperties.class)
public class ComputeEventsConfiguration {

    @Bean
    public LettuceConnectionFactory computeRedisConnectionFactory(ComputeProperties compute) {
        URI uri = URI.create(compute.redisUrl());
        var standalone = new org.springframework.data.redis.connection.RedisStandaloneConfiguration(uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort());
        String path = uri.getPath() == null ? "" : uri.getPath().replace("/", "");
        if (!path.isEmpty()) {
            standalone.setDatabase(Integer.parseInt(path));
        }
        if (uri.getUserInfo() != null) {
            String[] parts = uri.getUserInfo().split(":", 2);
            standalone.setPassword(parts.length == 2 ? parts[1] : parts[0]);
        }
        RedisConfiguration configuration = standalone;
        return new LettuceConnectionFactory(configuration);
    }

    @Bean
    public RedisSerializer<String> stringRedisSerializer() {
        return RedisSerializer.string();
    }
}
