package com.sartiq.hub.backend.compute;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the backend reaches compute ({@code hub.compute.*}).
 *
 * @param baseUrl               compute-hub base URL, e.g. {@code http://10.0.0.3:9000}
 * @param apiKey                bearer API key compute accepts
 * @param webhookUrl            our {@code /api/v1/tasks/webhook} as compute can reach it
 * @param webhookSecret         shared secret compute signs webhooks with
 * @param redisUrl              compute's Redis, whose task events we follow ({@code redis://host:port/db})
 * @param eventsChannel         compute's task-event channel (its key prefix included)
 * @param timeoutMs             connect and response limit of every call to compute
 * @param submitAttempts        tries of a task submission; safe to repeat, the prediction id is the idempotency key
 * @param submitConcurrency     task submissions in flight at once per backend instance (the throttle)
 * @param retryDelayMs          first pause before a submission is tried again; doubled on each further try
 * @param breakerFailureRate    percentage of failed submissions that opens the circuit breaker
 * @param breakerMinimumCalls   submissions the breaker needs to see before it judges the failure rate
 * @param breakerOpenSeconds    how long an open breaker refuses submissions before it lets a trial through
 * @param reconcileCron         quartz cron of the reconciliation job (clustered: one instance runs it)
 * @param reconcileAfterSeconds a prediction without a compute event for this long is looked up at compute
 * @param reconcileBatch        predictions looked up per run
 */
@ConfigurationProperties("hub.compute")
public record ComputeProperties(String baseUrl, String apiKey, String webhookUrl, String webhookSecret, String redisUrl,
                                String eventsChannel, Integer timeoutMs, Integer submitAttempts, Integer submitConcurrency,
                                Integer retryDelayMs, Integer breakerFailureRate, Integer breakerMinimumCalls, Integer breakerOpenSeconds,
                                String reconcileCron, Integer reconcileAfterSeconds, Integer reconcileBatch) {

    public ComputeProperties {
        baseUrl = baseUrl == null ? "http://127.0.0.1:9000" : baseUrl.replaceAll("/+$", "");
        apiKey = apiKey == null ? "" : apiKey;
        webhookSecret = webhookSecret == null ? "" : webhookSecret;
        redisUrl = redisUrl == null ? "redis://127.0.0.1:6379" : redisUrl;
        eventsChannel = eventsChannel == null ? "task-events" : eventsChannel;
        timeoutMs = timeoutMs == null ? 10_000 : timeoutMs;
        submitAttempts = submitAttempts == null ? 3 : submitAttempts;
        submitConcurrency = submitConcurrency == null ? 16 : submitConcurrency;
        retryDelayMs = retryDelayMs == null ? 500 : retryDelayMs;
        breakerFailureRate = breakerFailureRate == null ? 50 : breakerFailureRate;
        breakerMinimumCalls = breakerMinimumCalls == null ? 10 : breakerMinimumCalls;
        breakerOpenSeconds = breakerOpenSeconds == null ? 30 : breakerOpenSeconds;
        reconcileCron = reconcileCron == null ? "0/30 * * * * ?" : reconcileCron;
        reconcileAfterSeconds = reconcileAfterSeconds == null ? 120 : reconcileAfterSeconds;
        reconcileBatch = reconcileBatch == null ? 200 : reconcileBatch;
    }
}
