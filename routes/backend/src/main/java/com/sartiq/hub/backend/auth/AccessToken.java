package com.sartiq.hub.backend.auth;

/** The OAuth2 token response of {@code POST /login/access-token}. */
public record AccessToken(String accessToken, String tokenType, long expiresIn) {
}
