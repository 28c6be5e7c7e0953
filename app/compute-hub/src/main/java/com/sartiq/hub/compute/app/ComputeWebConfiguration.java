package com.sartiq.hub.compute.app;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;

@Configuration(proxyBeanMethods = false)
public class ComputeWebConfiguration {

    @Bean
    public ApiKeyStore apiKeyStore(@Value("${hub.compute.api-keys:}") List<String> keys, JdbcClient jdbc,
                                   @Value("${hub.compute.api-key-cache-seconds:10}") long cacheSeconds) {
        return new ApiKeyStore(keys, jdbc, cacheSeconds);
    }

    @Bean
    public FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(ApiKeyStore keys) {
        FilterRegistrationBean<ApiKeyFilter> registration = new FilterRegistrationBean<>(new ApiKeyFilter(keys));
        registration.addUrlPatterns("/api/*");
        return registration;
    }
}
