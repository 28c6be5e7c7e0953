package com.sartiq.hub.compute.events;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Relaying task events from the outbox ({@code hub.events.*}).
 *
 * @param channel           Redis pub/sub channel (after {@code hub.redis.key-prefix})
 * @param relayIntervalMs   how often the outbox is read
 * @param batchSize         events claimed per read
 * @param webhookSecret     shared secret signing webhook bodies (HMAC-SHA256), checked by the backend
 * @param webhookTimeoutMs  connect and response limit of a webhook call
 * @param maxAttempts       webhook deliveries tried before an event is abandoned (logged, kept in the table)
 * @param retryDelaySeconds first back-off after a failed delivery (doubles per attempt, capped at 10 minutes)
 */
@ConfigurationProperties("hub.events")
public record EventProperties(String channel, Long relayIntervalMs, Integer batchSize, String webhookSecret,
                              Integer webhookTimeoutMs, Integer maxAttempts, Integer retryDelaySeconds) {

    public EventProperties {
        channel = channel == null || channel.isBlank() ? "task-events" : channel;
        relayIntervalMs = relayIntervalMs == null ? 250L : relayIntervalMs;
        batchSize = batchSize == null ? 100 : batchSize;
        webhookSecret = webhookSecret == null ? "" : webhookSecret;
        webhookTimeoutMs = webhookTimeoutMs == null ? 10_000 : webhookTimeoutMs;
        maxAttempts = maxAttempts == null ? 10 : maxAttempts;
        retryDelaySeconds = retryDelaySeconds == null ? 2 : retryDelaySeconds;
    }
}
