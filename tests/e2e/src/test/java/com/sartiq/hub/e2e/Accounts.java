package com.sartiq.hub.e2e;

import com.sartiq.hub.localstack.LocalStack;

import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Users for the tests: the first superuser, and fresh users made through the admin API. */
final class Accounts {

    private Accounts() {
    }

    static String superuserToken(LocalStack hubs) {
        var secrets = hubs.stack().secrets();
        return login(hubs, secrets.firstSuperuser(), secrets.firstSuperuserPassword());
    }

    static String login(LocalStack hubs, String email, String password) {
        return login(hubs.backendUrl(), email, password);
    }

    /** Logs in on the backend at {@code backendUrl} (one the test started itself, say). */
    static String login(String backendUrl, String email, String password) {
        Http.Response response = Http.postForm(backendUrl + "/api/v1/login/access-token", Map.of("username", email, "password", password));
        assertEquals(200, response.status(), response.body());
        return response.json().get("access_token").asText();
    }

    /** A new active user with a unique e-mail; answers {@code [email, token, id]}. */
    static String[] newUser(LocalStack hubs, String name) {
        return newUser(hubs.backendUrl(), superuserToken(hubs), name);
    }

    /** The same on the backend at {@code backendUrl}, made with a superuser's token of that backend. */
    static String[] newUser(String backendUrl, String superuserToken, String name) {
        String email = name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Http.Response created = Http.postJson(backendUrl + "/api/v1/users/", superuserToken,
                "{\"email\":\"" + email + "\",\"password\":\"password-1\",\"full_name\":\"" + name + "\"}");
        assertEquals(200, created.status(), created.body());
        return new String[]{email, login(backendUrl, email, "password-1"), created.json().get("id").asText()};
    }
}
