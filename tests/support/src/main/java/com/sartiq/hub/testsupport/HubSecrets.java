package com.sartiq.hub.testsupport;

/**
 * The credentials a local run hands both hubs: taken from the environment variables the production
 * hubs read, with fixed demo values when unset (so the local stack needs no keys).
 */
public record HubSecrets(String firstSuperuser, String firstSuperuserPassword, String computeApiKey, String webhookSecret,
                         String jwtSecret, String falKey) {

    public static HubSecrets fromEnvironmentOrDemo() {
        return new HubSecrets(
                PostgresService.env("HUB_FIRST_SUPERUSER", "admin@example.com"),
                PostgresService.env("HUB_FIRST_SUPERUSER_PASSWORD", "changethis"),
                PostgresService.env("HUB_COMPUTE_API_KEY", "local-compute-key"),
                PostgresService.env("HUB_WEBHOOK_SECRET", "local-webhook-secret"),
                PostgresService.env("HUB_JWT_SECRET", "local-jwt-secret-that-is-only-for-the-local-stack"),
                "sim-fal-key");
    }
}
