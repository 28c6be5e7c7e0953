package com.sartiq.hub.backend.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Login and tokens ({@code hub.security.*}).
 *
 * @param jwtSecret                 HS256 signing key, at least 32 bytes; required outside the local stack
 * @param accessTokenExpireMinutes  token lifetime (the docs say one hour)
 * @param firstSuperuser            e-mail of the superuser created at start when missing
 * @param firstSuperuserPassword    that user's password
 */
@ConfigurationProperties("hub.security")
public record SecurityProperties(String jwtSecret, Integer accessTokenExpireMinutes, String firstSuperuser, String firstSuperuserPassword) {

    public SecurityProperties {
        accessTokenExpireMinutes = accessTokenExpireMinutes == null ? 60 : accessTokenExpireMinutes;
        if (jwtSecret == null || jwtSecret.getBytes(java.nio.charset.StandardCharsets.UTF_8).length < 32) {
            throw new IllegalArgumentException("hub.security.jwt-secret (HUB_JWT_SECRET) must be set to at least 32 bytes");
        }
    }
}
