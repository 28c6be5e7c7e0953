package com.sartiq.hub.common.security;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookSignatureTest {

    private static final String SECRET = "s3cret";
    private static final String BODY = "{\"task_id\":\"t1\",\"status\":\"completed\",\"sequence\":3}";

    @Test
    void aBodySignedWithTheSecretVerifiesWithinTheWindow() {
        String signature = WebhookSignature.sign(SECRET, 1_000, BODY);
        assertTrue(WebhookSignature.verify(SECRET, "1000", signature, BODY, 1_100, 300));
    }

    @Test
    void aChangedBodyAnotherSecretOrAStaleTimestampFail() {
        String signature = WebhookSignature.sign(SECRET, 1_000, BODY);
        assertFalse(WebhookSignature.verify(SECRET, "1000", signature, BODY.replace("completed", "failed"), 1_000, 300));
        assertFalse(WebhookSignature.verify("other", "1000", signature, BODY, 1_000, 300));
        assertFalse(WebhookSignature.verify(SECRET, "1000", signature, BODY, 1_301, 300));
        assertFalse(WebhookSignature.verify(SECRET, "1001", signature, BODY, 1_000, 300));
    }

    @Test
    void missingPartsNeverVerify() {
        assertFalse(WebhookSignature.verify("", "1000", WebhookSignature.sign("x", 1_000, BODY), BODY, 1_000, 300));
        assertFalse(WebhookSignature.verify(SECRET, null, "sha256=00", BODY, 1_000, 300));
        assertFalse(WebhookSignature.verify(SECRET, "soon", "sha256=00", BODY, 1_000, 300));
    }
}
