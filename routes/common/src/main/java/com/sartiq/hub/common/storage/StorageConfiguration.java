package com.sartiq.hub.common.storage;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.net.URI;
import java.time.Duration;

/**
 * One S3 client for the whole hub; camel-aws2-s3 autowires it, so routes just name the bucket.
 * Checksums are sent only when required: R2 and several S3-compatible servers reject the CRC
 * headers that SDK 2.30+ adds by default.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StorageProperties.class)
public class StorageConfiguration {

    @Bean(destroyMethod = "close")
    public S3Client amazonS3Client(StorageProperties storage) {
        var builder = S3Client.builder()
                .region(Region.of(storage.region()))
                .forcePathStyle(storage.pathStyle())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClient(ApacheHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(60))
                        .build())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(storage.accessKey(), storage.secretKey())));
        if (storage.endpoint() != null && !storage.endpoint().isBlank()) {
            builder.endpointOverride(URI.create(storage.endpoint()));
        }
        return builder.build();
    }

    /**
     * A presigner for the same store: URLs against the storage API endpoint (R2's, not the CDN's), path-style like
     * the client, so local S3 servers accept them too. Not a bean here: a hub that presigns declares one from this.
     */
    public static S3Presigner presigner(StorageProperties storage) {
        var builder = S3Presigner.builder()
                .region(Region.of(storage.region()))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(storage.pathStyle()).build())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        storage.accessKey() == null ? "" : storage.accessKey(), storage.secretKey() == null ? "" : storage.secretKey())));
        if (storage.endpoint() != null && !storage.endpoint().isBlank()) {
            builder.endpointOverride(URI.create(storage.endpoint()));
        }
        return builder.build();
    }
}
