package com.sartiq.hub.processors.fal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * fal's webhook signature (docs.fal.ai "Verifying Your Webhook"): Ed25519 over
 * {@code request_id \n user_id \n timestamp \n hex(sha256(raw body))}, hex-encoded in
 * {@code X-Fal-Webhook-Signature}, checked against every key of fal's JWKS, with the timestamp
 * inside a window so an old delivery cannot be replayed later.
 */
public final class FalWebhookVerifier {

    public static final String REQUEST_ID_HEADER = "X-Fal-Webhook-Request-Id";
    public static final String USER_ID_HEADER = "X-Fal-Webhook-User-Id";
    public static final String TIMESTAMP_HEADER = "X-Fal-Webhook-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Fal-Webhook-Signature";

    /** DER prefix of an X.509 SubjectPublicKeyInfo for a raw 32-byte Ed25519 key. */
    private static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Why a webhook was refused, or {@code null} reason when it is genuine. */
    public record Verdict(boolean valid, String reason) {
        static Verdict ok() {
            return new Verdict(true, null);
        }

        static Verdict refused(String reason) {
            return new Verdict(false, reason);
        }
    }

    private FalWebhookVerifier() {
    }

    public static Verdict verify(String requestId, String userId, String timestamp, String signatureHex, byte[] body,
                                 List<PublicKey> keys, Instant now, Duration window) {
        if (isBlank(requestId) || isBlank(userId) || isBlank(timestamp) || isBlank(signatureHex)) {
            return Verdict.refused("missing signature headers");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return Verdict.refused("timestamp is not a number");
        }
        if (Math.abs(now.getEpochSecond() - seconds) > window.toSeconds()) {
            return Verdict.refused("timestamp outside the " + window.toSeconds() + " s window");
        }
        byte[] signature;
        try {
            signature = HexFormat.of().parseHex(signatureHex.trim());
        } catch (IllegalArgumentException e) {
            return Verdict.refused("signature is not hex");
        }
        byte[] message = message(requestId, userId, timestamp.trim(), body);
        if (signature.length != Ed25519.SIGNATURE_SIZE) {
            return Verdict.refused("signature is not " + Ed25519.SIGNATURE_SIZE + " bytes");
        }
        for (PublicKey key : keys) {
            // BouncyCastle's Ed25519: the JDK's takes milliseconds per verification, and every webhook is verified
            byte[] spki = key.getEncoded();
            if (Ed25519.verify(signature, 0, spki, spki.length - Ed25519.PUBLIC_KEY_SIZE, message, 0, message.length)) {
                return Verdict.ok();
            }
        }
        return Verdict.refused(keys.isEmpty() ? "no verification keys" : "signature does not match any key");
    }

    /** The exact bytes fal signs. */
    public static byte[] message(String requestId, String userId, String timestamp, byte[] body) {
        String bodyHash = HexFormat.of().formatHex(sha256(body));
        return (requestId + "\n" + userId + "\n" + timestamp + "\n" + bodyHash).getBytes(StandardCharsets.UTF_8);
    }

    /** The Ed25519 keys ({@code kty OKP}, {@code crv Ed25519}) of a JWKS document; others are skipped. */
    public static List<PublicKey> keys(String jwks) throws IOException {
        JsonNode json = MAPPER.readTree(jwks);
        JsonNode keys = json == null ? null : json.get("keys");
        if (keys == null || !keys.isArray()) {
            throw new IOException("JWKS has no keys array");
        }
        List<PublicKey> result = new ArrayList<>();
        for (JsonNode key : keys) {
            String x = key.path("x").asText(null);
            if (x == null || !"Ed25519".equals(key.path("crv").asText("Ed25519"))) {
                continue;
            }
            result.add(ed25519(Base64.getUrlDecoder().decode(x)));
        }
        return result;
    }

    public static PublicKey ed25519(byte[] raw) throws IOException {
        if (raw.length != 32) {
            throw new IOException("an Ed25519 key has 32 bytes, not " + raw.length);
        }
        byte[] spki = new byte[ED25519_SPKI_PREFIX.length + 32];
        System.arraycopy(ED25519_SPKI_PREFIX, 0, spki, 0, ED25519_SPKI_PREFIX.length);
        System.arraycopy(raw, 0, spki, ED25519_SPKI_PREFIX.length, 32);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException e) {
            throw new IOException("not an Ed25519 key", e);
        }
    }

    private static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
