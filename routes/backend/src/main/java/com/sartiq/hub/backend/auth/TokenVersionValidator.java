package com.sartiq.hub.backend.auth;

import com.sartiq.hub.backend.cache.UserCache;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.UUID;

/**
 * Revocation: a token is valid only while its {@code ver} claim equals the user's
 * {@code token_version}, which a password change or reset bumps, and only while the user exists and
 * is active. The version is read through the Redis cache (evicted on every user write).
 */
public class TokenVersionValidator implements OAuth2TokenValidator<Jwt> {

    public static final String CLAIM = "ver";
    private static final OAuth2TokenValidatorResult REVOKED =
            OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "Token revoked", null));

    private final JdbcClient jdbc;
    private final UserCache cache;

    public TokenVersionValidator(JdbcClient jdbc, UserCache cache) {
        this.jdbc = jdbc;
        this.cache = cache;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        Object claim = token.getClaims().get(CLAIM);
        String userId = token.getSubject();
        if (!(claim instanceof Number version) || userId == null) {
            return REVOKED;
        }
        String current = cache.tokenVersion(userId).orElseGet(() -> {
            String fromDb = load(userId);
            cache.putTokenVersion(userId, fromDb);
            return fromDb;
        });
        return current.equals(String.valueOf(version.longValue())) ? OAuth2TokenValidatorResult.success() : REVOKED;
    }

    private String load(String userId) {
        UUID id;
        try {
            id = UUID.fromString(userId);
        } catch (IllegalArgumentException e) {
            return "-1";
        }
        return jdbc.sql("select case when is_active then token_version else -1 end from app_user where id = ?")
                .param(id).query(Integer.class).optional().map(String::valueOf).orElse("-1");
    }
}
