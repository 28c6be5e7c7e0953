package com.sartiq.hub.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.sartiq.hub.localstack.LocalStack;
import com.sartiq.hub.testsupport.MailService;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Accounts: users/me and its cache, password change and recovery, user administration, utils. */
class IdentityTest {

    private static LocalStack hubs;
    private static String api;
    private static String admin;

    @BeforeAll
    static void start() {
        hubs = Hubs.get();
        api = hubs.backendUrl() + "/api/v1";
        admin = Accounts.superuserToken(hubs);
    }

    @Test
    void usersMeIsServedFromTheCacheAndAWriteEvictsIt() {
        String[] user = Accounts.newUser(hubs, "cached");
        JsonNode me = Http.get(api + "/users/me", user[1]).json();
        assertEquals("cached", me.get("full_name").asText());
        assertEquals(0, me.get("rework_available").asInt());
        // changed behind the API's back: the cached answer stays until the API itself writes
        hubs.backend().getBean(JdbcClient.class).sql("update app_user set full_name = 'behind' where id = cast(? as uuid)").param(user[2]).update();
        assertEquals("cached", Http.get(api + "/users/me", user[1]).json().get("full_name").asText());
        Http.Response patched = Http.send("PATCH", api + "/users/me", user[1], "{\"full_name\":\"Renamed\"}");
        assertEquals(200, patched.status(), patched.body());
        assertEquals("Renamed", Http.get(api + "/users/me", user[1]).json().get("full_name").asText());
        assertEquals(409, Http.send("PATCH", api + "/users/me", user[1], "{\"email\":\"" + hubs.stack().secrets().firstSuperuser().toUpperCase() + "\"}").status());
        Http.Response invalid = Http.send("PATCH", api + "/users/me", user[1], "{\"email\":\"not-an-email\",\"full_name\":\"" + "x".repeat(300) + "\"}");
        assertEquals(422, invalid.status());
        assertEquals(2, invalid.json().get("detail").size(), invalid.body());
    }

    @Test
    void changingThePasswordRevokesEarlierTokens() {
        String[] user = Accounts.newUser(hubs, "changer");
        String url = api + "/users/me/password";
        assertEquals(400, Http.send("PATCH", url, user[1], "{\"current_password\":\"wrong-pass\",\"new_password\":\"password-2\"}").status());
        assertEquals(400, Http.send("PATCH", url, user[1], "{\"current_password\":\"password-1\",\"new_password\":\"password-1\"}").status());
        Http.Response invalid = Http.send("PATCH", url, user[1], "{\"new_password\":\"short\"}");
        assertEquals(422, invalid.status());
        assertEquals(2, invalid.json().get("detail").size(), invalid.body());
        Http.Response changed = Http.send("PATCH", url, user[1], "{\"current_password\":\"password-1\",\"new_password\":\"password-2\"}");
        assertEquals(200, changed.status(), changed.body());
        assertEquals("Password updated successfully", changed.json().get("message").asText());
        Http.Response old = Http.get(api + "/users/me", user[1]);
        assertEquals(401, old.status());
        assertEquals("Could not validate credentials", old.json().get("detail").asText());
        String fresh = Accounts.login(hubs, user[0], "password-2");
        assertEquals(200, Http.get(api + "/users/me", fresh).status());
    }

    @Test
    void passwordRecoveryMailsASingleUseToken() throws Exception {
        String[] user = Accounts.newUser(hubs, "forgetful");
        Http.Response known = Http.postJson(api + "/password-recovery/" + user[0], null, "");
        Http.Response unknown = Http.postJson(api + "/password-recovery/nobody-" + UUID.randomUUID() + "@example.com", null, "");
        assertEquals(200, known.status(), known.body());
        assertEquals(known.status() + " " + known.body(), unknown.status() + " " + unknown.body(), "the answer does not tell which addresses exist");

        String token = tokenFrom(awaitMail(user[0]), "token ([A-Za-z0-9_-]{20,})");
        assertEquals(422, Http.postJson(api + "/reset-password/", null, "{\"token\":\"" + token + "\",\"new_password\":\"x\"}").status());
        assertEquals(400, Http.postJson(api + "/reset-password/", null, "{\"token\":\"forged\",\"new_password\":\"password-3\"}").status());
        Http.Response reset = Http.postJson(api + "/reset-password/", null, "{\"token\":\"" + token + "\",\"new_password\":\"password-3\"}");
        assertEquals(200, reset.status(), reset.body());
        assertEquals(400, Http.postJson(api + "/reset-password/", null, "{\"token\":\"" + token + "\",\"new_password\":\"password-4\"}").status(),
                "a token works once");
        assertEquals(401, Http.get(api + "/users/me", user[1]).status(), "tokens issued before the reset are revoked");
        Accounts.login(hubs, user[0], "password-3");
    }

    @Test
    void onlySuperusersAdministerUsers() {
        String[] user = Accounts.newUser(hubs, "plain");
        String[] other = Accounts.newUser(hubs, "other");
        for (Http.Response refused : List.of(Http.get(api + "/users/", user[1]),
                Http.postJson(api + "/users/", user[1], "{\"email\":\"x@example.com\",\"password\":\"password-1\"}"),
                Http.get(api + "/users/" + other[2], user[1]),
                Http.send("PATCH", api + "/users/" + other[2], user[1], "{\"full_name\":\"x\"}"),
                Http.send("DELETE", api + "/users/" + other[2], user[1], null))) {
            assertEquals(403, refused.status(), refused.body());
            assertEquals("Not enough permissions", refused.json().get("detail").asText());
        }
        assertEquals(user[0], Http.get(api + "/users/" + user[2], user[1]).json().get("email").asText(), "oneself is readable");

        assertEquals(409, Http.postJson(api + "/users/", admin, "{\"email\":\"" + user[0].toUpperCase() + "\",\"password\":\"password-1\"}").status());
        Http.Response invalid = Http.postJson(api + "/users/", admin, "{\"email\":\"bad\",\"password\":\"short\",\"is_active\":\"maybe\"}");
        assertEquals(422, invalid.status(), invalid.body());

        JsonNode found = Http.get(api + "/users/?search=" + user[0].substring(0, 14), admin).json();
        assertEquals(1, found.get("count").asInt(), found.toString());
        JsonNode page = Http.get(api + "/users/?skip=1&limit=2", admin).json();
        assertEquals(2, page.get("data").size());
        assertTrue(page.get("count").asInt() >= 3);
        Http.Response badPage = Http.get(api + "/users/?skip=-1&limit=abc", admin);
        assertEquals(422, badPage.status());
        assertEquals(2, badPage.json().get("detail").size(), badPage.body());

        Http.Response deactivated = Http.send("PATCH", api + "/users/" + other[2], admin, "{\"is_active\":false,\"full_name\":\"Gone\"}");
        assertEquals(200, deactivated.status(), deactivated.body());
        assertEquals(false, deactivated.json().get("is_active").asBoolean());
        assertEquals(401, Http.get(api + "/users/me", other[1]).status(), "a deactivated user's tokens stop working");
        assertEquals(200, Http.send("DELETE", api + "/users/" + other[2], admin, null).status());
        assertEquals(404, Http.get(api + "/users/" + other[2], admin).status());
        assertEquals(404, Http.send("DELETE", api + "/users/" + other[2], admin, null).status());
        String adminId = Http.get(api + "/users/me", admin).json().get("id").asText();
        assertEquals(403, Http.send("DELETE", api + "/users/" + adminId, admin, null).status());
    }

    @Test
    void malformedBodiesAre422OnEveryWriteEndpoint() {
        String[] user = Accounts.newUser(hubs, "fuzz");
        List<String[]> endpoints = List.of(new String[]{"PATCH", api + "/users/me", user[1]},
                new String[]{"PATCH", api + "/users/me/password", user[1]},
                new String[]{"POST", api + "/users/", admin},
                new String[]{"PATCH", api + "/users/" + user[2], admin},
                new String[]{"POST", api + "/reset-password/", null},
                new String[]{"POST", api + "/uploads/presigned-url", user[1]});
        for (String[] endpoint : endpoints) {
            for (String body : List.of("", "{", "[]", "null", "42", "{\"email\":[1]}", "{\"password\":{}}", "\u0000")) {
                Http.Response response = Http.send(endpoint[0], endpoint[1], endpoint[2], body);
                assertTrue(response.status() == 422 || response.status() == 200 && body.startsWith("{\""),
                        endpoint[0] + " " + endpoint[1] + " with " + body + " answered " + response.status() + " " + response.body());
            }
        }
    }

    @Test
    void utilsReportHealthAndSendATestEmail() throws Exception {
        assertEquals("true", Http.get(api + "/utils/health-check/", null).body());
        assertEquals("true", Http.get(api + "/utils/db-check/", null).body());
        JsonNode system = Http.get(api + "/utils/system-health-check", null).json();
        assertEquals("healthy", system.get("status").asText(), system.toString());
        assertEquals("ok", system.at("/checks/storage/status").asText());
        String[] user = Accounts.newUser(hubs, "mailer");
        assertEquals(401, Http.postJson(api + "/utils/test-email/?email_to=a@example.com", null, "").status());
        assertEquals(403, Http.postJson(api + "/utils/test-email/?email_to=a@example.com", user[1], "").status());
        assertEquals(422, Http.postJson(api + "/utils/test-email/", admin, "").status());
        String to = "ops-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Http.Response sent = Http.postJson(api + "/utils/test-email/?email_to=" + to, admin, "");
        assertEquals(201, sent.status(), sent.body());
        assertTrue(awaitMail(to).getSubject().contains("Test email"));
    }

    @Test
    void openApiListsEveryIdentityOrganizationAndMediaEndpointWithSchemas() {
        JsonNode document = Http.get(api + "/openapi.json", null).json();
        JsonNode paths = document.get("paths");
        Map<String, List<String>> expected = Map.ofEntries(
                Map.entry("/users", List.of("get", "post")), Map.entry("/users/me", List.of("get", "patch")),
                Map.entry("/users/me/password", List.of("patch")), Map.entry("/users/{user_id}", List.of("get", "patch", "delete")),
                Map.entry("/password-recovery/{email}", List.of("post")), Map.entry("/reset-password", List.of("post")),
                Map.entry("/utils/health-check", List.of("get")), Map.entry("/utils/db-check", List.of("get")),
                Map.entry("/utils/system-health-check", List.of("get")), Map.entry("/utils/test-email", List.of("post")),
                Map.entry("/organizations", List.of("get", "post")),
                Map.entry("/organizations/{organization_id}", List.of("get", "patch", "delete")),
                Map.entry("/organizations/{organization_id}/members", List.of("get", "post")),
                Map.entry("/organizations/{organization_id}/members/{user_id}", List.of("patch", "delete")),
                Map.entry("/organizations/{organization_id}/invitations", List.of("get", "post")),
                Map.entry("/organizations/{organization_id}/invitations/{invitation_id}", List.of("delete")),
                Map.entry("/invitations/accept", List.of("post")), Map.entry("/subscriptions", List.of("get")),
                Map.entry("/uploads/presigned-url", List.of("post")), Map.entry("/media-resources/{media_resource_id}", List.of("patch")));
        expected.forEach((path, verbs) -> {
            assertTrue(paths.has(path), "OpenAPI lacks " + path);
            verbs.forEach(verb -> assertTrue(paths.get(path).has(verb), "OpenAPI lacks " + verb + " " + path));
        });
        JsonNode schemas = document.at("/components/schemas");
        for (String schema : List.of("UserPublic", "UserCreate", "UserUpdate", "UpdatePassword", "NewPassword", "OrganizationPublic",
                "MemberPublic", "InvitationPublic", "SubscriptionPublic", "UploadRequest", "PresignedUpload", "MediaResourcePublic")) {
            assertTrue(schemas.has(schema), "no schema " + schema);
        }
        assertTrue(schemas.at("/PresignedUpload/properties").has("upload_url"), "snake_case schemas");
    }

    static MimeMessage awaitMail(String to) throws InterruptedException {
        MailService mail = Hubs.get().stack().mail();
        for (int i = 0; i < 100; i++) {
            List<MimeMessage> messages = mail.messagesTo(to);
            if (!messages.isEmpty()) {
                return messages.get(messages.size() - 1);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no mail to " + to);
    }

    static String tokenFrom(MimeMessage message, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(MailService.text(message).replace("=\r\n", "").replace("=\n", ""));
        assertTrue(matcher.find(), "no token in " + MailService.text(message));
        return matcher.group(1);
    }

}
