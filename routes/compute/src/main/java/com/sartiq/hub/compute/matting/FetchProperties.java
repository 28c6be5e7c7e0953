package com.sartiq.hub.compute.matting;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Fetching caller-supplied image URLs ({@code hub.fetch.*}).
 *
 * @param maxBytes              larger downloads are refused before decoding
 * @param connectTimeoutMs      TCP connect limit
 * @param readTimeoutMs         limit for the whole response
 * @param maxRedirects          redirects followed, each re-checked
 * @param allowPrivateAddresses loopback/private/link-local targets are refused unless true (the local stack
 *                              serves its own storage on loopback)
 */
@ConfigurationProperties("hub.fetch")
public record FetchProperties(Long maxBytes, Integer connectTimeoutMs, Integer readTimeoutMs, Integer maxRedirects,
                              Boolean allowPrivateAddresses) {

    public FetchProperties {
        maxBytes = maxBytes == null ? 50L * 1024 * 1024 : maxBytes;
        connectTimeoutMs = connectTimeoutMs == null ? 5_000 : connectTimeoutMs;
        readTimeoutMs = readTimeoutMs == null ? 30_000 : readTimeoutMs;
        maxRedirects = maxRedirects == null ? 3 : maxRedirects;
        allowPrivateAddresses = allowPrivateAddresses != null && allowPrivateAddresses;
    }
}
