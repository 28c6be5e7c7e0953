package com.sartiq.hub.backend.cache;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CacheProperties.class)
public class CacheConfiguration {

    @Bean
    public UserCache userCache(StringRedisTemplate redis, @Value("${hub.redis.key-prefix:backend:}") String prefix, CacheProperties properties) {
        return new UserCache(redis, prefix, properties);
    }
}
