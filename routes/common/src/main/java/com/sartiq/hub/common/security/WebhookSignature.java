package com.sartiq.hub.common.security;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * How compute signs the task webhooks it sends the backend: HMAC-SHA256 over
 * {@code timestamp + "." + body} with a shared secret; the timestamp bounds replays.
 * (The original documents no scheme for this callback; see docs/API.md.)
 */
public final class WebhookSignature {

    public static final String SIGNATURE_HEADER = "X-Hub-Signature";
    public static final String TIMESTAMP_HEADER = "X-Hub-Timestamp";

    private WebhookSignature() {
    }

    public static String sign(String secret, long timestampSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** True when the signature matches and the timestamp is within {@code toleranceSeconds} of now. */
    public static boolean verify(String secret, String timestamp, String signature, String body, long nowSeconds, long toleranceSeconds) {
        if (secret == null || secret.isEmpty() || timestamp == null || signature == null || body == null) {
            return false;
        }
        long ts;
        try {
            ts = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(nowSeconds - ts) > toleranceSeconds) {
            return false;
        }
        byte[] expected = sign(secret, ts, body).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, signature.trim().getBytes(StandardCharsets.UTF_8));
    }
}
