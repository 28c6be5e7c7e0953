package com.sartiq.hub.backend.auth;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
/** The OAuth2 token response of {@code POST /login/access-token}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AccessToken(String accessToken, String tokenType, long expiresIn) {
}
