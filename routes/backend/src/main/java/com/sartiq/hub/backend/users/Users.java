package com.sartiq.hub.backend.users;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sartiq.hub.backend.auth.UserPublic;
import com.sartiq.hub.backend.cache.UserCache;
import com.sartiq.hub.backend.mail.Mail;
import com.sartiq.hub.backend.mail.MailProperties;
import com.sartiq.hub.backend.tenancy.Scope;
import com.sartiq.hub.common.rest.ApiException;
import org.apache.camel.Exchange;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The steps of the user routes ({@link UsersRoutes}): parameters, permission checks, tokens and mails. */
public class Users {

    public static final String NOT_ENOUGH_PERMISSIONS = "Not enough permissions";

    private final PasswordEncoder passwords;
    private final UserCache cache;
    private final ObjectMapper mapper;
    private final MailProperties mail;
    private final int resetTokenExpireMinutes;
    private final SecureRandom random = new SecureRandom();

    public Users(PasswordEncoder passwords, UserCache cache, ObjectMapper mapper, MailProperties mail, int resetTokenExpireMinutes) {
        this.passwords = passwords;
        this.cache = cache;
        this.mapper = mapper;
        this.mail = mail;
        this.resetTokenExpireMinutes = resetTokenExpireMinutes;
    }

    public static Scope scope(Exchange exchange) {
        return exchange.getProperty(Scope.PROPERTY, Scope.class);
    }

    public static void requireSuperuser(Exchange exchange) {
        if (!scope(exchange).superuser()) {
            throw new ApiException(403, NOT_ENOUGH_PERMISSIONS);
        }
    }

    /** A user may read itself; anyone else needs a superuser. */
    public static void requireSelfOrSuperuser(Exchange exchange) {
        Scope scope = scope(exchange);
        if (!scope.superuser() && !scope.userId().equals(exchange.getMessage().getHeader("user_id", String.class))) {
            throw new ApiException(403, NOT_ENOUGH_PERMISSIONS);
        }
    }

    public Optional<UserPublic> cachedMe(String userId) {
        return cache.me(userId).flatMap(json -> {
            try {
                return Optional.of(mapper.readValue(json, UserPublic.class));
            } catch (JsonProcessingException e) {
                return Optional.empty();
            }
        });
    }

    public void cacheMe(UserPublic user) {
        try {
            cache.putMe(user.id(), mapper.writeValueAsString(user));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public void evict(String userId) {
        cache.evict(userId);
    }

    public Map<String, Object> createParams(UserCreate create) {
        Map<String, Object> params = new HashMap<>();
        params.put("email", create.email().trim());
        params.put("hashedPassword", passwords.encode(create.password()));
        params.put("fullName", create.fullName());
        params.put("isActive", create.isActive() == null || create.isActive());
        params.put("isSuperuser", create.isSuperuser() != null && create.isSuperuser());
        return params;
    }

    public Map<String, Object> updateParams(String id, UserUpdate update) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        params.put("email", update.email() == null ? null : update.email().trim());
        params.put("fullName", update.fullName());
        params.put("hashedPassword", update.password() == null ? null : passwords.encode(update.password()));
        params.put("isActive", update.isActive());
        params.put("isSuperuser", update.isSuperuser());
        return params;
    }

    /** The new password's parameters after checking the current one against the caller's row. */
    public Map<String, Object> passwordChangeParams(Map<String, Object> userRow, UpdatePassword change) {
        if (!passwords.matches(change.currentPassword(), (String) userRow.get("hashed_password"))) {
            throw new ApiException(400, "Incorrect password");
        }
        if (change.currentPassword().equals(change.newPassword())) {
            throw new ApiException(400, "New password cannot be the same as the current one");
        }
        return updateParams(String.valueOf(userRow.get("id")), new UserUpdate(null, change.newPassword(), null, null, null));
    }

    /** {@code ?search=} as an ILIKE pattern (its own % and _ taken literally), or null. */
    public static String searchPattern(String search) {
        if (search == null || search.isBlank()) {
            return null;
        }
        return "%" + search.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** A fresh reset token: the secret goes to the mail ({@code resetToken}), its digest to the database. */
    public Map<String, Object> recoveryParams(Exchange exchange, String email) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        exchange.setProperty("resetToken", token);
        exchange.setProperty("recoveryEmail", email);
        Map<String, Object> params = new HashMap<>();
        params.put("tokenHash", digest(token));
        params.put("email", email);
        params.put("expireMinutes", resetTokenExpireMinutes);
        return params;
    }

    public Mail recoveryMail(Exchange exchange) {
        String email = exchange.getProperty("recoveryEmail", String.class);
        String token = exchange.getProperty("resetToken", String.class);
        String link = mail.frontendUrl() + "/reset-password?token=" + token;
        return new Mail(email, "Sartiq - Password recovery for user " + email, """
                Hello,

                We received a request to reset the password of your Sartiq account %s.
                Open this link to choose a new password (valid for %d minutes, once):

                %s

                Or send the token %s with POST /api/v1/reset-password/.
                If you did not ask for this, ignore this e-mail: your password stays as it is.
                """.formatted(email, resetTokenExpireMinutes, link, token));
    }

    public Map<String, Object> resetParams(NewPassword reset) {
        Map<String, Object> params = new HashMap<>();
        params.put("tokenHash", digest(reset.token().trim()));
        params.put("hashedPassword", passwords.encode(reset.newPassword()));
        return params;
    }

    public static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public static List<UserPublic> publicUsers(List<?> rows) {
        return rows.stream().map(r -> UserPublic.fromRow((Map<String, Object>) r)).toList();
    }
}
