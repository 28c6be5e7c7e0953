package com.sartiq.hub.backend.media;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sartiq.hub.common.storage.StorageProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.net.URI;
import java.time.Clock;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MediaProperties.class)
public class MediaConfiguration {

    /**
     * Signs upload URLs against the storage API endpoint (R2's, not the CDN's), path-style like the
     * client, so local S3 servers accept them too.
     */
    @Bean(destroyMethod = "close")
    public S3Presigner amazonS3Presigner(StorageProperties storage) {
        var builder = S3Presigner.builder()
                .region(Region.of(storage.region()))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(storage.pathStyle()).build())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(nullToEmpty(storage.accessKey()), nullToEmpty(storage.secretKey()))));
        if (storage.endpoint() != null && !storage.endpoint().isBlank()) {
            builder.endpointOverride(URI.create(storage.endpoint()));
        }
        return builder.build();
    }

    @Bean
    public Uploads uploads(S3Presigner presigner, StorageProperties storage, MediaProperties media) {
        return new Uploads(presigner, storage, media, Clock.systemUTC());
    }

    @Bean
    public MediaIngestion mediaIngestion(StorageProperties storage, MediaProperties media, ObjectMapper mapper) {
        return new MediaIngestion(storage, media, mapper);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
