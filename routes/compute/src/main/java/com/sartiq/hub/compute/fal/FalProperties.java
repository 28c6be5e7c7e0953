package com.sartiq.hub.compute.fal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The FAL provider ({@code hub.providers.fal.*}).
 *
 * @param baseUrl           queue host, {@code https://queue.fal.run} in production
 * @param key               API key, sent as {@code Authorization: Key <key>}
 * @param generationModel   model id used for GENERATION tasks
 * @param pollIntervalMs    how often submitted requests are checked
 * @param timeoutSeconds    a request not completed by then is cancelled and its task fails
 * @param connectTimeoutMs  TCP connect limit of every call
 * @param responseTimeoutMs response limit of every call
 */
@ConfigurationProperties("hub.providers.fal")
public record FalProperties(String baseUrl, String key, String generationModel, Long pollIntervalMs,
                            Integer timeoutSeconds, Integer connectTimeoutMs, Integer responseTimeoutMs) {

    public FalProperties {
        baseUrl = baseUrl == null || baseUrl.isBlank() ? "https://queue.fal.run" : baseUrl.replaceAll("/+$", "");
        key = key == null ? "" : key;
        generationModel = generationModel == null ? "fal-ai/flux/dev" : generationModel;
        pollIntervalMs = pollIntervalMs == null ? 1000L : pollIntervalMs;
        timeoutSeconds = timeoutSeconds == null ? 900 : timeoutSeconds;
        connectTimeoutMs = connectTimeoutMs == null ? 5_000 : connectTimeoutMs;
        responseTimeoutMs = responseTimeoutMs == null ? 30_000 : responseTimeoutMs;
    }

    /** Options every camel-http call to fal carries: our own timeouts, and never an automatic re-send. */
    public String httpOptions() {
        return "throwExceptionOnFailure=false&automaticRetriesDisabled=true&connectionsPerRoute=100"
                + "&connectTimeout=" + connectTimeoutMs + "&responseTimeout=" + responseTimeoutMs
                + "&connectionRequestTimeout=" + connectTimeoutMs;
    }
}
