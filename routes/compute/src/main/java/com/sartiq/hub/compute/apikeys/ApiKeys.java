package com.sartiq.hub.compute.apikeys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** Compute API keys: how they are made and the digest they are kept as. */
public final class ApiKeys {

    /** Marks our keys in logs and secret scanners. */
    public static final String PREFIX = "sqc_";
    /** Characters of a key kept in clear (prefix included), to tell keys apart in lists. */
    static final int SHOWN = 12;

    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {
    }

    /** 256 random bits, URL-safe. */
    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String shown(String key) {
        return key.substring(0, Math.min(SHOWN, key.length()));
    }

    public static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
