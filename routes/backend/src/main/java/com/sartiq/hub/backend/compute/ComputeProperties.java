package com.sartiq.hub.backend.compute;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the backend reaches compute ({@code hub.compute.*}).
 *
 * @param baseUrl         compute-hub base URL, e.g. {@code http://10.0.0.3:9000}
 * @param apiKey          bearer API key compute accepts
 * @param webhookUrl      our {@code /api/v1/tasks/webhook} as compute can reach it
 * @param webhookSecret   shared secret compute signs webhooks with
 * @param redisUrl        compute's Redis, whose task events we follow ({@code redis://host:port/db})
 * @param eventsChannel   compute's task-event channel (its key prefix included)
 * @param timeoutMs       connect and response limit of every call to compute
 * @param submitAttempts  tries of a task submission; safe to repeat, the prediction id is the idempotency key
 */
@ConfigurationProperties("hub.compute")
public record ComputeProperties(String baseUrl, String apiKey, String webhookUrl, String webhookSecret, String redisUrl,
                                String eventsChannel, Integer timeoutMs, Integer submitAttempts) {

    public ComputeProperties {
        baseUrl = baseUrl == null ? "http://127.0.0.1:9000" : baseUrl.replaceAll("/+$", "");
        apiKey = apiKey == null ? "" : apiKey;
        webhookSecret = webhookSecret == null ? "" : webhookSecret;
        redisUrl = redisUrl == null ? "redis://127.0.0.1:6379" : redisUrl;
        eventsChannel = eventsChannel == null ? "task-events" : eventsChannel;
        timeoutMs = timeoutMs == null ? 10_000 : timeoutMs;
        submitAttempts = submitAttempts == null ? 3 : submitAttempts;
    }
}
