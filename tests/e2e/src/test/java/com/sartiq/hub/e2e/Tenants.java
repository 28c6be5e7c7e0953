package com.sartiq.hub.e2e;

import com.sartiq.hub.localstack.LocalStack;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.Map;
import java.util.UUID;

/**
 * Users and organizations for tests that need several tenants. They are written straight into the
 * backend's database (the identity endpoints belong to another part of the API); the users then log
 * in over HTTP like anyone else.
 */
final class Tenants {

    record User(String id, String email, String token) {
    }

    private Tenants() {
    }

    static User user(LocalStack hubs, boolean superuser) {
        JdbcTemplate jdbc = hubs.backend().getBean(JdbcTemplate.class);
        String id = UUID.randomUUID().toString();
        String email = "u-" + id.substring(0, 8) + "@example.com";
        String password = "pw-" + id;
        jdbc.update("insert into app_user (id, email, hashed_password, is_superuser) values (cast(? as uuid), ?, ?, ?)",
                id, email, hubs.backend().getBean(PasswordEncoder.class).encode(password), superuser);
        Http.Response login = Http.postForm(hubs.backendUrl() + "/api/v1/login/access-token", Map.of("username", email, "password", password));
        if (login.status() != 200) {
            throw new AssertionError("login failed: " + login.body());
        }
        return new User(id, email, login.json().get("access_token").asText());
    }

    /** A new organization with the given users as members. */
    static String organization(LocalStack hubs, User... members) {
        JdbcTemplate jdbc = hubs.backend().getBean(JdbcTemplate.class);
        String id = UUID.randomUUID().toString();
        jdbc.update("insert into organization (id, name) values (cast(? as uuid), ?)", id, "org-" + id.substring(0, 8));
        for (User member : members) {
            jdbc.update("insert into organization_member (organization_id, user_id, role) values (cast(? as uuid), cast(? as uuid), 'member')",
                    id, member.id());
        }
        return id;
    }
}
