package com.sartiq.hub.compute.providers;

import com.sartiq.hub.compute.fal.FalProperties;
import com.sartiq.hub.compute.fal.FalSlots;
import com.sartiq.hub.compute.fal.FalWebhookVerification;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.util.Map;

/** Providers from {@code hub.providers.<name>.*}, their shared semaphore, breakers, state and controls. */
@Configuration(proxyBeanMethods = false)
public class ProvidersConfiguration {

    @Bean
    public ProviderStates providerStates(Environment environment) {
        Map<String, ProviderSettings> settings = Binder.get(environment)
                .bind("hub.providers", Bindable.mapOf(String.class, ProviderSettings.class)).orElse(Map.of());
        return new ProviderStates(settings);
    }

    @Bean
    public RedisSemaphore redisSemaphore(StringRedisTemplate redis, @Value("${hub.redis.key-prefix:}") String keyPrefix) {
        return new RedisSemaphore(redis, keyPrefix);
    }

    @Bean
    public ProviderCalls providerCalls(ProviderStates states, RedisSemaphore semaphore) {
        return new ProviderCalls(states, semaphore);
    }

    @Bean
    public FalSlots falSlots(RedisSemaphore semaphore, FalProperties fal) {
        return new FalSlots(semaphore, fal);
    }

    @Bean
    public FalWebhookVerification falWebhookVerification(FalProperties fal, StringRedisTemplate redis,
                                                         @Value("${hub.redis.key-prefix:}") String keyPrefix) {
        return new FalWebhookVerification(fal, redis, keyPrefix);
    }

    @Bean
    public ProviderControl providerControl(ProviderStates states, CamelContext camel) throws Exception {
        ProviderControl control = new ProviderControl(states, camel);
        control.register();
        return control;
    }

    /** Each provider's breaker under {@code <name>-breaker}, where the template's circuitBreaker EIP finds it. */
    @Bean
    public CamelContextConfiguration providerBreakers(ProviderStates states) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camel) {
                states.settings().keySet().forEach(name -> camel.getRegistry().bind(name + "-breaker", states.breaker(name)));
            }

            @Override
            public void afterApplicationStart(CamelContext camel) {
            }
        };
    }
}
