package com.sartiq.hub.compute.fal;

import com.sartiq.hub.common.rest.ApiException;
import com.sartiq.hub.processors.fal.FalWebhookVerifier;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Checks a fal webhook before anything reads it: Ed25519 signature against fal's JWKS (fetched with a timeout,
 * cached for {@code jwks-cache-seconds}, fetched again at most once a minute when a signature matches no cached
 * key, so a rotated key is picked up), timestamp window, and no exact replay of a delivery already seen
 * (remembered in Redis for twice the window). Any failure is a 401 and nothing else happens.
 */
public class FalWebhookVerification {

    private static final Logger LOG = LoggerFactory.getLogger(FalWebhookVerification.class);
    private static final Duration MIN_REFRESH = Duration.ofSeconds(60);

    private final FalProperties fal;
    private final StringRedisTemplate redis;
    private final String keyPrefix;
    private final HttpClient client;
    private volatile List<PublicKey> keys = List.of();
    private volatile Instant fetchedAt = Instant.EPOCH;

    public FalWebhookVerification(FalProperties fal, StringRedisTemplate redis, String keyPrefix) {
        this.fal = fal;
        this.redis = redis;
        this.keyPrefix = keyPrefix == null ? "" : keyPrefix;
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(fal.connectTimeoutMs())).build();
    }

    public void verify(Exchange exchange) {
        var message = exchange.getMessage();
        byte[] body = message.getBody(byte[].class);
        String requestId = message.getHeader(FalWebhookVerifier.REQUEST_ID_HEADER, String.class);
        String signature = message.getHeader(FalWebhookVerifier.SIGNATURE_HEADER, String.class);
        String timestamp = message.getHeader(FalWebhookVerifier.TIMESTAMP_HEADER, String.class);
        String userId = message.getHeader(FalWebhookVerifier.USER_ID_HEADER, String.class);
        Duration window = Duration.ofSeconds(fal.webhookWindowSeconds());
        var verdict = FalWebhookVerifier.verify(requestId, userId, timestamp, signature, body == null ? new byte[0] : body,
                keys(false), Instant.now(), window);
        if (!verdict.valid() && (verdict.reason().contains("any key") || verdict.reason().contains("no verification keys"))) {
            verdict = FalWebhookVerifier.verify(requestId, userId, timestamp, signature, body, keys(true), Instant.now(), window);
        }
        if (!verdict.valid()) {
            LOG.warn("Refused fal webhook for request {}: {}", requestId, verdict.reason());
            throw ApiException.unauthorized("Invalid webhook signature: " + verdict.reason());
        }
        String seen = keyPrefix + "fal:webhook-seen:" + signature.trim().toLowerCase();
        Boolean fresh = redis.opsForValue().setIfAbsent(seen, "1", window.multipliedBy(2));
        if (!Boolean.TRUE.equals(fresh)) {
            LOG.warn("Refused replayed fal webhook for request {}", requestId);
            throw ApiException.unauthorized("Invalid webhook signature: delivery replayed");
        }
        exchange.setProperty("falWebhookRequestId", requestId);
    }

    /** The cached keys; {@code refresh} fetches again unless that was done within the last minute. */
    List<PublicKey> keys(boolean refresh) {
        Instant now = Instant.now();
        boolean expired = fetchedAt.plusSeconds(fal.jwksCacheSeconds()).isBefore(now);
        boolean mayRefetch = fetchedAt.plus(MIN_REFRESH).isBefore(now);
        if (expired || (refresh && mayRefetch)) {
            synchronized (this) {
                if (fetchedAt.plus(MIN_REFRESH).isBefore(Instant.now()) || fetchedAt.plusSeconds(fal.jwksCacheSeconds()).isBefore(Instant.now())) {
                    fetch();
                }
            }
        }
        return keys;
    }

    private void fetch() {
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(fal.jwksUrl()))
                    .timeout(Duration.ofMillis(fal.responseTimeoutMs())).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + response.statusCode());
            }
            keys = FalWebhookVerifier.keys(response.body());
            LOG.info("Fetched {} fal webhook key(s) from {}", keys.size(), fal.jwksUrl());
        } catch (Exception e) {
            // keep the keys we had: a JWKS outage must not reject webhooks signed by a key we know
            LOG.warn("Could not fetch fal's JWKS from {}: {}", fal.jwksUrl(), e.toString());
        } finally {
            fetchedAt = Instant.now();
        }
    }
}
