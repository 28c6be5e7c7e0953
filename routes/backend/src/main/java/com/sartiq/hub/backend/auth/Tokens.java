package com.sartiq.hub.backend.auth;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/** Issues and reads the HS256 access tokens; the subject is the user id. */
public class Tokens {

    private final JwtEncoder encoder;
    private final JwtDecoder decoder;
    private final long lifetimeSeconds;
    private final SecretKey key;

    public Tokens(SecurityProperties security) {
        this.key = new SecretKeySpec(security.jwtSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key));
        this.decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        this.lifetimeSeconds = security.accessTokenExpireMinutes() * 60L;
    }

    /** A token for the user at its current {@code token_version} (see {@link TokenVersionValidator}). */
    public AccessToken issue(String userId, long tokenVersion) {
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder().subject(userId).issuedAt(now).expiresAt(now.plusSeconds(lifetimeSeconds))
                .claim(TokenVersionValidator.CLAIM, tokenVersion).build();
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims)).getTokenValue();
        return new AccessToken(token, "bearer", lifetimeSeconds);
    }

    /** The user id of a valid bearer token ({@code Authorization} header value), if any. */
    public Optional<String> userIdOf(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        try {
            Jwt jwt = decoder.decode(authorization.substring(7).trim());
            return Optional.ofNullable(jwt.getSubject());
        } catch (JwtException e) {
            return Optional.empty();
        }
    }

    public JwtDecoder decoder() {
        return decoder;
    }

    /**
     * The decoder of the resource server: signature and expiry as {@link #decoder()}, plus the
     * revocation check of {@code validator}.
     */
    public JwtDecoder decoder(OAuth2TokenValidator<Jwt> validator) {
        NimbusJwtDecoder checked = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        checked.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefault(), validator));
        return checked;
    }
}
