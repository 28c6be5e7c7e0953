package com.sartiq.hub.compute.providers;

import com.sartiq.hub.common.http.FixedHttpComponent;
import com.sartiq.hub.compute.fal.FalProperties;
import com.sartiq.hub.compute.fal.FalSlots;
import com.sartiq.hub.compute.fal.FalWebhookVerification;
import com.sartiq.hub.compute.fal.TrainingDataset;
import com.sartiq.hub.compute.tasks.QueueWake;
import com.sartiq.hub.common.storage.StorageConfiguration;
import com.sartiq.hub.common.storage.StorageProperties;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import org.apache.camel.CamelContext;
import org.apache.camel.component.http.HttpComponent;
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
    public FalSlots falSlots(RedisSemaphore semaphore, FalProperties fal, QueueWake wake) {
        return new FalSlots(semaphore, fal, wake);
    }

    /** fal downloads a training's dataset zip from our storage through a presigned URL. */
    @Bean(destroyMethod = "close")
    public S3Presigner storagePresigner(StorageProperties storage) {
        return StorageConfiguration.presigner(storage);
    }

    @Bean
    public TrainingDataset trainingDataset(StorageProperties storage, S3Presigner storagePresigner, FalProperties fal,
                                           com.fasterxml.jackson.databind.ObjectMapper mapper) {
        return new TrainingDataset(storage, storagePresigner, java.time.Duration.ofSeconds(fal.datasetUrlSeconds()), mapper);
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

    /**
     * Each provider's
     * own camel-http component {@code http-<name>}: timeouts, pool size and, above all, no automatic re-sends are
     * component options in camel-http 4 (as endpoint parameters they would only travel as query parameters), and
     * HttpClient 5 otherwise re-sends a POST answered 429/503 — a second paid fal job.
     */
    @Bean
    public CamelContextConfiguration providerBreakers(ProviderStates states) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camel) {
                states.settings().forEach((name, s) -> {
                    camel.addComponent(httpComponentName(name), httpComponent(s));
                });
            }

            @Override
            public void afterApplicationStart(CamelContext camel) {
            }
        };
    }

    public static String httpComponentName(String provider) {
        return "http-" + provider;
    }

    static HttpComponent httpComponent(ProviderSettings s) {
        return new FixedHttpComponent(s.connectTimeoutMs(), s.responseTimeoutMs(), Math.max(100, s.concurrency() * 2));
    }
}
