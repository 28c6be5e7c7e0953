package com.sartiq.hub.backend.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Creates {@code hub.security.first-superuser} at start when it does not exist, before the API
 * opens, so a fresh install can log in at once (the original's FIRST_SUPERUSER).
 */
@Component
public class FirstSuperuser implements InitializingBean {

    private static final Logger LOG = LoggerFactory.getLogger(FirstSuperuser.class);

    private final SecurityProperties security;
    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;

    public FirstSuperuser(SecurityProperties security, JdbcClient jdbc, PasswordEncoder passwords) {
        this.security = security;
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    @Override
    public void afterPropertiesSet() {
        if (security.firstSuperuser() == null || security.firstSuperuser().isBlank()) {
            return;
        }
        if (security.firstSuperuserPassword() == null || security.firstSuperuserPassword().length() < 8) {
            throw new IllegalStateException("hub.security.first-superuser-password (HUB_FIRST_SUPERUSER_PASSWORD) must have at least 8 characters");
        }
        int created = jdbc.sql("""
                        insert into app_user (id, email, hashed_password, full_name, is_superuser)
                        values (?, ?, ?, 'Administrator', true)
                        on conflict (lower(email)) do nothing""")
                .params(UUID.randomUUID(), security.firstSuperuser(), passwords.encode(security.firstSuperuserPassword()))
                .update();
        if (created > 0) {
            LOG.info("Created the first superuser {}", security.firstSuperuser());
        }
    }
}
