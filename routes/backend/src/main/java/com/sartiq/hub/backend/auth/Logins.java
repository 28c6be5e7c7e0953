package com.sartiq.hub.backend.auth;

import com.sartiq.hub.common.rest.ApiException;
import com.sartiq.hub.common.rest.FieldError;
import com.sartiq.hub.common.rest.RequestValidationException;
import org.apache.camel.Exchange;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The OAuth2 password flow's steps, called from {@link AuthRoutes}. */
public class Logins {

    private static final String BAD_CREDENTIALS = "Incorrect email or password";

    private final Tokens tokens;
    private final PasswordEncoder passwords;
    // checked when the user does not exist, so the answer's timing does not tell which e-mails are registered
    private final String unknownUserHash;

    public Logins(Tokens tokens, PasswordEncoder passwords) {
        this.tokens = tokens;
        this.passwords = passwords;
        this.unknownUserHash = passwords.encode(java.util.UUID.randomUUID().toString());
    }

    /** Reads the form into the {@code email} and {@code password} exchange properties. */
    public void readForm(Exchange exchange) {
        Map<String, String> form = FormBody.of(exchange.getMessage());
        List<FieldError> errors = new ArrayList<>();
        for (String field : List.of("username", "password")) {
            if (form.getOrDefault(field, "").isEmpty()) {
                errors.add(FieldError.body(field, "Field required", "missing"));
            }
        }
        String grantType = form.get("grant_type");
        if (grantType != null && !grantType.isEmpty() && !grantType.equals("password")) {
            errors.add(FieldError.body("grant_type", "String should match pattern '^password$'", "string_pattern_mismatch"));
        }
        if (!errors.isEmpty()) {
            throw new RequestValidationException(errors);
        }
        exchange.setProperty("email", form.get("username"));
        exchange.setProperty("password", form.get("password"));
    }

    /** Checks the password against the user row (or nothing) and answers the token. */
    public AccessToken issueToken(Exchange exchange) {
        @SuppressWarnings("unchecked")
        Map<String, Object> user = exchange.getMessage().getBody(Map.class);
        String password = exchange.getProperty("password", String.class);
        String hash = user == null ? unknownUserHash : (String) user.get("hashed_password");
        boolean matches = passwords.matches(password, hash);
        if (user == null || !matches) {
            throw new ApiException(401, BAD_CREDENTIALS);
        }
        if (!Boolean.TRUE.equals(user.get("is_active"))) {
            throw new ApiException(400, "Inactive user");
        }
        return tokens.issue(String.valueOf(user.get("id")), ((Number) user.get("token_version")).longValue());
    }

    /** Sets the {@code userId} property from the bearer token; the security filter already refused bad ones. */
    public void identify(Exchange exchange) {
        String userId = tokens.userIdOf(exchange.getMessage().getHeader("Authorization", String.class))
                .orElseThrow(() -> ApiException.unauthorized("Could not validate credentials"));
        exchange.setProperty("userId", userId);
    }
}
