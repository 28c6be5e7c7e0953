package com.sartiq.hub.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * fal's webhook deliveries: at completion, {@code POST {request_id, gateway_request_id, status, payload}} to the
 * submit's {@code fal_webhook}, signed with Ed25519 over {@code id\nuser\ntimestamp\nsha256hex(body)}
 * (docs.fal.ai "Verifying Your Webhook") with a key whose public half {@link #jwks()} serves. A non-2xx answer
 * is re-delivered, freshly signed, up to 10 times (fal spreads those over 2 hours; here about two minutes).
 */
final class WebhookSender implements AutoCloseable {

    static final String USER_ID = "sim-user";
    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);
    private static final int MAX_ATTEMPTS = 10;

    private final byte[] privateKey = new byte[Ed25519.SECRET_KEY_SIZE];
    private final byte[] publicKey = new byte[Ed25519.PUBLIC_KEY_SIZE];
    private final String keyId = "sim-" + Long.toHexString(System.nanoTime());
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(16, r -> {
        Thread t = new Thread(r, "provider-sim-webhooks");
        t.setDaemon(true);
        return t;
    });
    private final Faults faults;
    private final AtomicInteger delivered = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();

    WebhookSender(Faults faults) {
        this.faults = faults;
        Ed25519.generatePrivateKey(new SecureRandom(), privateKey);
        Ed25519.generatePublicKey(privateKey, 0, publicKey, 0);
    }

    /** {@code {"keys":[{"kty":"OKP","crv":"Ed25519","x":...}]}} as fal serves at /.well-known/jwks.json. */
    ObjectNode jwks() {
        ObjectNode body = Responses.object();
        body.putArray("keys").addObject().put("kty", "OKP").put("crv", "Ed25519").put("kid", keyId).put("use", "sig")
                .put("alg", "EdDSA").put("x", Base64.getUrlEncoder().withoutPadding().encodeToString(publicKey));
        return body;
    }

    /** Schedules the delivery for when the request completes; the fault (drop/duplicate) is decided now. */
    /** @param error null for {@code status: OK}; else the delivery says {@code ERROR} with this message, payload = the details */
    void schedule(String url, String requestId, ObjectNode payloadWhenDone, String error, long delayNanos, String faultHeader,
                  java.util.function.BooleanSupplier stillWanted) {
        Fault fault = faults.take("fal-webhook", faultHeader);
        if (fault != null && fault.kind() == Fault.Kind.DROP) {
            dropped.incrementAndGet();
            LOG.info("webhook of {} dropped (fault injection)", requestId);
            return;
        }
        int copies = fault != null && fault.kind() == Fault.Kind.DUPLICATE ? 2 : 1;
        long extra = fault != null && fault.kind() == Fault.Kind.LATENCY ? fault.delayMillis() : 0;
        for (int i = 0; i < copies; i++) {
            scheduler.schedule(() -> {
                if (stillWanted.getAsBoolean()) {
                    deliver(url, requestId, payloadWhenDone, error, 1);
                }
            // in nanoseconds: a delay truncated to milliseconds fired just before completion and lost the webhook
            }, Math.max(0, delayNanos) + TimeUnit.MILLISECONDS.toNanos(extra + i * 1100L), TimeUnit.NANOSECONDS);
        }
    }

    private void deliver(String url, String requestId, ObjectNode payload, String error, int attempt) {
        ObjectNode body = Responses.object().put("request_id", requestId).put("gateway_request_id", requestId)
                .put("status", error == null ? "OK" : "ERROR");
        body.set("payload", payload);
        if (error != null) {
            body.put("error", error);
        }
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .header("X-Fal-Webhook-Request-Id", requestId)
                .header("X-Fal-Webhook-User-Id", USER_ID)
                .header("X-Fal-Webhook-Timestamp", timestamp)
                .header("X-Fal-Webhook-Signature", sign(requestId, timestamp, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        // asynchronous: a slow or dead receiver must not hold up everybody else's deliveries
        client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            int status = failure == null ? response.statusCode() : -1;
            if (status >= 200 && status < 300) {
                delivered.incrementAndGet();
                return;
            }
            if (attempt < MAX_ATTEMPTS && !scheduler.isShutdown()) {
                long delay = Math.min(30_000, 250L << Math.min(attempt, 7));
                LOG.info("webhook of {} answered {}, re-delivering in {} ms", requestId, status, delay);
                try {
                    scheduler.schedule(() -> deliver(url, requestId, payload, error, attempt + 1), delay, TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.RejectedExecutionException ignored) {
                    // simulator closing
                }
            }
        });
    }

    String sign(String requestId, String timestamp, byte[] body) {
        try {
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
            byte[] message = (requestId + "\n" + USER_ID + "\n" + timestamp + "\n" + hash).getBytes(StandardCharsets.UTF_8);
            // BouncyCastle's Ed25519: the JDK's takes milliseconds per signature, which a busy simulator feels
            byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
            Ed25519.sign(privateKey, 0, message, 0, message.length, signature, 0);
            return HexFormat.of().formatHex(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    int delivered() {
        return delivered.get();
    }

    int dropped() {
        return dropped.get();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
