package com.sartiq.hub.compute.providers;

import java.util.List;
import java.util.Locale;

/**
 * One provider reached over HTTP ({@code hub.providers.<name>.*}): everything the {@code provider-call}
 * route template takes as parameters. Adding a provider is a configuration entry with a known protocol.
 *
 * @param protocol          fal, fal-sync, openai, anthropic or gemini (auth header, error shapes, retry hints)
 * @param concurrency       requests in flight at once across all instances (Redis semaphore); 0 = no limit
 * @param leaseSeconds      a slot not renewed for this long is taken back (its holder died)
 * @param slotWaitMs        how long a call waits for a free slot before giving up
 * @param maxAttempts       attempts per call, first one included
 * @param retryBaseMs       first back-off when the provider gives no hint (doubles, full jitter)
 * @param retryMaxMs        cap of our own back-off
 * @param maxRetryAfterMs   a provider asking to wait longer than this is treated as exhausted (fail over)
 * @param retryAmbiguous    whether a call whose answer was lost (read timeout) may be repeated; never for fal submit
 * @param model             default model id (LLM providers)
 * @param failureRateThreshold, minimumCalls, openSeconds circuit breaker: failure percentage over the last
 *                          {@code minimumCalls} calls that opens it, and how long it stays open
 */
public record ProviderSettings(String protocol, String baseUrl, String key, Integer connectTimeoutMs, Integer responseTimeoutMs,
                               Integer concurrency, Integer leaseSeconds, Long slotWaitMs, Integer maxAttempts, Long retryBaseMs,
                               Long retryMaxMs, Long maxRetryAfterMs, Boolean retryAmbiguous, String model,
                               Float failureRateThreshold, Integer minimumCalls, Integer openSeconds) {

    /** {@code fal}: fal's queue ({@code queue.fal.run}); {@code fal-sync}: fal's synchronous runs ({@code fal.run}). */
    public static final List<String> PROTOCOLS = List.of("fal", "fal-sync", "openai", "anthropic", "gemini");

    public ProviderSettings {
        protocol = protocol == null ? null : protocol.trim().toLowerCase(Locale.ROOT);
        baseUrl = baseUrl == null ? "" : baseUrl.replaceAll("/+$", "");
        key = key == null ? "" : key;
        connectTimeoutMs = connectTimeoutMs == null ? 5_000 : connectTimeoutMs;
        responseTimeoutMs = responseTimeoutMs == null ? 60_000 : responseTimeoutMs;
        concurrency = concurrency == null ? 0 : concurrency;
        leaseSeconds = leaseSeconds == null ? 120 : leaseSeconds;
        slotWaitMs = slotWaitMs == null ? 20_000L : slotWaitMs;
        maxAttempts = maxAttempts == null ? 3 : Math.max(1, maxAttempts);
        retryBaseMs = retryBaseMs == null ? 500L : retryBaseMs;
        retryMaxMs = retryMaxMs == null ? 8_000L : retryMaxMs;
        maxRetryAfterMs = maxRetryAfterMs == null ? 60_000L : maxRetryAfterMs;
        retryAmbiguous = retryAmbiguous != null && retryAmbiguous;
        failureRateThreshold = failureRateThreshold == null ? 50f : failureRateThreshold;
        minimumCalls = minimumCalls == null ? 10 : minimumCalls;
        openSeconds = openSeconds == null ? 30 : openSeconds;
    }

    /** The header and value that authenticate a call, per protocol (provider-apis.md §1, §2). */
    public String authHeader() {
        return switch (protocol) {
            case "anthropic" -> "x-api-key";
            case "gemini" -> "x-goog-api-key";
            default -> "Authorization";
        };
    }

    public String authValue() {
        return switch (protocol) {
            case "fal", "fal-sync" -> "Key " + key;
            case "openai" -> "Bearer " + key;
            default -> key;
        };
    }

    public boolean isLlm() {
        return !isFal();
    }

    public boolean isFal() {
        return protocol.startsWith("fal");
    }
}
