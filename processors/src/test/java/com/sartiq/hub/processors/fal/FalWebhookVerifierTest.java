package com.sartiq.hub.processors.fal;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FalWebhookVerifierTest {

    private static final Duration WINDOW = Duration.ofMinutes(5);
    private final byte[] body = "{\"request_id\":\"r1\",\"status\":\"OK\",\"payload\":{}}".getBytes(StandardCharsets.UTF_8);

    @Test
    void acceptsASignatureOfAnyJwksKeyAndRefusesTamperedBodiesOrHeaders() throws Exception {
        KeyPair other = generate();
        KeyPair signer = generate();
        List<PublicKey> keys = FalWebhookVerifier.keys(jwks(other.getPublic(), signer.getPublic()));
        assertEquals(2, keys.size());
        Instant now = Instant.now();
        String ts = String.valueOf(now.getEpochSecond());
        String sig = sign(signer.getPrivate(), "r1", "u1", ts, body);

        assertTrue(FalWebhookVerifier.verify("r1", "u1", ts, sig, body, keys, now, WINDOW).valid());
        byte[] tampered = body.clone();
        tampered[5] ^= 1;
        assertFalse(FalWebhookVerifier.verify("r1", "u1", ts, sig, tampered, keys, now, WINDOW).valid());
        assertFalse(FalWebhookVerifier.verify("r2", "u1", ts, sig, body, keys, now, WINDOW).valid());
        assertFalse(FalWebhookVerifier.verify("r1", "u1", ts, sig, body, List.of(keys.get(0)), now, WINDOW).valid());
    }

    @Test
    void refusesStaleOrFutureTimestampsAndMissingHeaders() throws Exception {
        KeyPair signer = generate();
        List<PublicKey> keys = FalWebhookVerifier.keys(jwks(signer.getPublic()));
        Instant now = Instant.now();
        String old = String.valueOf(now.minusSeconds(301).getEpochSecond());
        var stale = FalWebhookVerifier.verify("r1", "u1", old, sign(signer.getPrivate(), "r1", "u1", old, body), body, keys, now, WINDOW);
        assertFalse(stale.valid());
        assertTrue(stale.reason().contains("window"), stale.reason());
        String future = String.valueOf(now.plusSeconds(400).getEpochSecond());
        assertFalse(FalWebhookVerifier.verify("r1", "u1", future, sign(signer.getPrivate(), "r1", "u1", future, body), body, keys, now, WINDOW).valid());
        assertFalse(FalWebhookVerifier.verify("r1", "u1", null, "00", body, keys, now, WINDOW).valid());
        assertFalse(FalWebhookVerifier.verify("r1", "u1", "abc", "00", body, keys, now, WINDOW).valid());
        assertFalse(FalWebhookVerifier.verify("r1", "u1", String.valueOf(now.getEpochSecond()), "zz", body, keys, now, WINDOW).valid());
    }

    static KeyPair generate() throws Exception {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    static String jwks(PublicKey... keys) {
        StringBuilder json = new StringBuilder("{\"keys\":[");
        for (int i = 0; i < keys.length; i++) {
            byte[] spki = keys[i].getEncoded();
            byte[] raw = Arrays.copyOfRange(spki, spki.length - 32, spki.length);
            json.append(i == 0 ? "" : ",").append("{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"")
                    .append(Base64.getUrlEncoder().withoutPadding().encodeToString(raw)).append("\"}");
        }
        return json.append("]}").toString();
    }

    static String sign(PrivateKey key, String requestId, String userId, String ts, byte[] body) throws Exception {
        Signature signature = Signature.getInstance("Ed25519");
        signature.initSign(key);
        signature.update(FalWebhookVerifier.message(requestId, userId, ts, body));
        return HexFormat.of().formatHex(signature.sign());
    }
}
