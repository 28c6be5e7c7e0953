package com.sartiq.hub.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.sartiq.hub.backend.tenancy.Scope;
import com.sartiq.hub.localstack.LocalStack;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.awt.Color;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Organizations, members and roles, invitations, subscriptions; and that other tenants see none of it. */
class OrganizationsTest {

    private static LocalStack hubs;
    private static String api;

    @BeforeAll
    static void start() {
        hubs = Hubs.get();
        api = hubs.backendUrl() + "/api/v1";
    }

    @Test
    void anAdminInvitesAMemberWhoAcceptsAndRolesAreEnforced() throws Exception {
        String[] alice = Accounts.newUser(hubs, "alice");
        String[] bob = Accounts.newUser(hubs, "bob");
        JsonNode org = create(alice[1], "Atelier A");
        String orgUrl = api + "/organizations/" + org.get("id").asText();
        assertEquals("admin", org.get("role").asText());
        assertEquals("Atelier A", Http.get(orgUrl, alice[1]).json().get("name").asText());
        assertEquals("Atelier B", Http.send("PATCH", orgUrl, alice[1], "{\"name\":\" Atelier B \"}").json().get("name").asText());

        Http.Response invited = Http.postJson(orgUrl + "/invitations", alice[1], "{\"email\":\"" + bob[0] + "\"}");
        assertEquals(201, invited.status(), invited.body());
        assertEquals("pending", invited.json().get("status").asText());
        assertEquals("member", invited.json().get("role").asText());
        assertTrue(invited.json().get("token") == null, "the token only travels by mail");
        String token = IdentityTest.tokenFrom(awaitMail(bob[0]), "\"token\": \"([A-Za-z0-9_-]{20,})\"");

        assertEquals(404, Http.postJson(api + "/invitations/accept", alice[1], "{\"token\":\"" + token + "\"}").status(),
                "only the invited address accepts");
        Http.Response accepted = Http.postJson(api + "/invitations/accept", bob[1], "{\"token\":\"" + token + "\"}");
        assertEquals(200, accepted.status(), accepted.body());
        assertEquals("member", accepted.json().get("role").asText());
        assertEquals(400, Http.postJson(api + "/invitations/accept", bob[1], "{\"token\":\"" + token + "\"}").status());
        assertEquals("accepted", Http.get(orgUrl + "/invitations", alice[1]).json().at("/data/0/status").asText());

        JsonNode members = Http.get(orgUrl + "/members", bob[1]).json();
        assertEquals(2, members.get("count").asInt());
        assertEquals(List.of(alice[0], bob[0]), List.of(members.at("/data/0/email").asText(), members.at("/data/1/email").asText()));

        // a member reads but does not administer
        for (Http.Response refused : List.of(Http.send("PATCH", orgUrl, bob[1], "{\"name\":\"x\"}"),
                Http.send("DELETE", orgUrl, bob[1], null),
                Http.get(orgUrl + "/invitations", bob[1]),
                Http.postJson(orgUrl + "/invitations", bob[1], "{\"email\":\"x@example.com\"}"),
                Http.postJson(orgUrl + "/members", bob[1], "{\"email\":\"" + alice[0] + "\"}"),
                Http.send("PATCH", orgUrl + "/members/" + alice[2], bob[1], "{\"role\":\"member\"}"),
                Http.send("DELETE", orgUrl + "/members/" + alice[2], bob[1], null))) {
            assertEquals(403, refused.status(), refused.body());
        }

        assertEquals(409, Http.send("PATCH", orgUrl + "/members/" + alice[2], alice[1], "{\"role\":\"member\"}").status(), "last admin");
        assertEquals(409, Http.send("DELETE", orgUrl + "/members/" + alice[2], alice[1], null).status(), "last admin");
        assertEquals("admin", Http.send("PATCH", orgUrl + "/members/" + bob[2], alice[1], "{\"role\":\"admin\"}").json().get("role").asText());
        assertEquals(200, Http.send("PATCH", orgUrl + "/members/" + alice[2], bob[1], "{\"role\":\"member\"}").status());
        assertEquals(422, Http.send("PATCH", orgUrl + "/members/" + alice[2], bob[1], "{\"role\":\"owner\"}").status());
        assertEquals(200, Http.send("DELETE", orgUrl + "/members/" + alice[2], alice[1], null).status(), "anyone may leave");
        assertEquals(404, Http.get(orgUrl, alice[1]).status(), "gone with the membership");
        assertEquals(409, Http.postJson(orgUrl + "/members", bob[1], "{\"email\":\"" + bob[0] + "\"}").status());
        assertEquals(404, Http.postJson(orgUrl + "/members", bob[1], "{\"email\":\"nobody-" + UUID.randomUUID() + "@example.com\"}").status());
        Http.Response added = Http.postJson(orgUrl + "/members", bob[1], "{\"email\":\"" + alice[0] + "\",\"role\":\"member\"}");
        assertEquals(200, added.status(), added.body());

        JsonNode subscriptions = Http.get(api + "/subscriptions/?organization_id=" + org.get("id").asText(), bob[1]).json();
        assertEquals(1, subscriptions.get("count").asInt());
        assertEquals("free", subscriptions.at("/data/0/plan").asText());
        assertEquals("active", subscriptions.at("/data/0/status").asText());

        assertEquals(200, Http.send("DELETE", orgUrl, bob[1], null).status());
        assertEquals(404, Http.get(orgUrl, bob[1]).status());
    }

    @Test
    void anExpiredOrRevokedInvitationCannotBeAccepted() throws Exception {
        String[] admin = Accounts.newUser(hubs, "inviter");
        String[] guest = Accounts.newUser(hubs, "guest");
        String orgUrl = api + "/organizations/" + create(admin[1], "Late").get("id").asText();
        String id = Http.postJson(orgUrl + "/invitations", admin[1], "{\"email\":\"" + guest[0] + "\",\"role\":\"admin\"}").json().get("id").asText();
        String token = IdentityTest.tokenFrom(awaitMail(guest[0]), "\"token\": \"([A-Za-z0-9_-]{20,})\"");
        hubs.backend().getBean(JdbcClient.class).sql("update organization_invitation set expires_at = now() - interval '1 minute' where id = cast(? as uuid)")
                .param(id).update();
        Http.Response expired = Http.postJson(api + "/invitations/accept", guest[1], "{\"token\":\"" + token + "\"}");
        assertEquals(400, expired.status());
        assertEquals("Invitation expired", expired.json().get("detail").asText());
        assertEquals("expired", Http.get(orgUrl + "/invitations", admin[1]).json().at("/data/0/status").asText());
        assertEquals(200, Http.send("DELETE", orgUrl + "/invitations/" + id, admin[1], null).status());
        assertEquals(404, Http.postJson(api + "/invitations/accept", guest[1], "{\"token\":\"" + token + "\"}").status());
        assertEquals(422, Http.postJson(api + "/invitations/accept", guest[1], "{}").status());
        Http.Response invalid = Http.postJson(orgUrl + "/invitations", admin[1], "{\"email\":\"nope\",\"role\":\"king\"}");
        assertEquals(422, invalid.status());
        assertEquals(2, invalid.json().get("detail").size(), invalid.body());
    }

    @Test
    void listsArePagedInCreationOrder() {
        String[] user = Accounts.newUser(hubs, "pager");
        for (String name : List.of("one", "two", "three")) {
            create(user[1], name);
        }
        JsonNode first = Http.get(api + "/organizations/?limit=2", user[1]).json();
        assertEquals(3, first.get("count").asInt());
        assertEquals(List.of("one", "two"), List.of(first.at("/data/0/name").asText(), first.at("/data/1/name").asText()));
        JsonNode rest = Http.get(api + "/organizations/?skip=2&limit=2", user[1]).json();
        assertEquals(1, rest.get("data").size());
        assertEquals("three", rest.at("/data/0/name").asText());
        assertEquals(0, Http.get(api + "/organizations/?skip=10", user[1]).json().get("data").size());
        assertEquals(3, Http.get(api + "/subscriptions/", user[1]).json().get("count").asInt());
        assertEquals(422, Http.get(api + "/organizations/?limit=0", user[1]).status());
        assertEquals(422, Http.get(api + "/organizations/?limit=5000", user[1]).status());
        Http.Response invalid = Http.postJson(api + "/organizations/", user[1], "{\"name\":\"  \"}");
        assertEquals(422, invalid.status());
        assertEquals("[\"body\",\"name\"]", invalid.json().at("/detail/0/loc").toString());
        for (String body : List.of("", "{", "[]", "{\"name\":null}", "{\"name\":{}}")) {
            assertEquals(422, Http.postJson(api + "/organizations/", user[1], body).status(), body);
        }
    }

    @Test
    void aMemberOfAnotherOrganizationGets404FromEveryEndpoint() throws Exception {
        String[] owner = Accounts.newUser(hubs, "owner");
        String[] stranger = Accounts.newUser(hubs, "stranger");
        String orgA = create(owner[1], "Org A").get("id").asText();
        String orgB = create(stranger[1], "Org B").get("id").asText();
        String a = api + "/organizations/" + orgA;
        String invitation = Http.postJson(a + "/invitations", owner[1], "{\"email\":\"invitee-" + UUID.randomUUID() + "@example.com\"}").json().get("id").asText();
        String mediaId = orgMedia(owner[2], orgA);

        String t = stranger[1];
        List<Http.Response> answers = List.of(
                Http.get(a, t),
                Http.send("PATCH", a, t, "{\"name\":\"mine\"}"),
                Http.send("DELETE", a, t, null),
                Http.get(a + "/members", t),
                Http.postJson(a + "/members", t, "{\"email\":\"" + stranger[0] + "\"}"),
                Http.send("PATCH", a + "/members/" + owner[2], t, "{\"role\":\"member\"}"),
                Http.send("DELETE", a + "/members/" + owner[2], t, null),
                Http.get(a + "/invitations", t),
                Http.postJson(a + "/invitations", t, "{\"email\":\"" + stranger[0] + "\",\"role\":\"admin\"}"),
                Http.send("DELETE", a + "/invitations/" + invitation, t, null),
                Http.get(api + "/subscriptions/?organization_id=" + orgA, t),
                Http.get(api + "/organizations/?organization_id=" + orgA, t),
                Http.send("PATCH", api + "/media-resources/" + mediaId, t, "{\"alt_text\":\"stolen\"}"),
                // org B's own paths never reach org A's rows either
                Http.send("DELETE", api + "/organizations/" + orgB + "/invitations/" + invitation, t, null),
                Http.send("PATCH", api + "/organizations/" + orgB + "/members/" + owner[2], t, "{\"role\":\"member\"}"));
        for (int i = 0; i < answers.size(); i++) {
            assertEquals(404, answers.get(i).status(), "call " + i + ": " + answers.get(i).body());
        }
        JsonNode own = Http.get(api + "/organizations/", t).json();
        assertEquals(1, own.get("count").asInt());
        assertEquals(orgB, own.at("/data/0/id").asText());
        assertEquals(1, Http.get(api + "/subscriptions/", t).json().get("count").asInt());
        // and nothing changed
        assertEquals("Org A", Http.get(a, owner[1]).json().get("name").asText());
        assertEquals(1, Http.get(a + "/members", owner[1]).json().get("count").asInt());
        assertEquals(1, Http.get(a + "/invitations", owner[1]).json().get("count").asInt());
        assertNull(hubs.backend().getBean(JdbcClient.class).sql("select alt_text from media_resource where id = cast(? as uuid)")
                .param(mediaId).query(String.class).list().get(0));
        assertEquals(200, Http.send("PATCH", api + "/media-resources/" + mediaId, owner[1], "{\"alt_text\":\"mine\"}").status(),
                "the owner's organization sees it");
    }

    @Test
    void malformedBodiesAre422OnEveryOrganizationWriteEndpoint() {
        String[] admin = Accounts.newUser(hubs, "fuzzer");
        String orgUrl = api + "/organizations/" + create(admin[1], "Fuzz").get("id").asText();
        String mediaId = orgMedia(admin[2], null);
        List<String[]> endpoints = List.of(new String[]{"POST", api + "/organizations/"},
                new String[]{"PATCH", orgUrl},
                new String[]{"POST", orgUrl + "/members"},
                new String[]{"PATCH", orgUrl + "/members/" + admin[2]},
                new String[]{"POST", orgUrl + "/invitations"},
                new String[]{"POST", api + "/invitations/accept"},
                new String[]{"PATCH", api + "/media-resources/" + mediaId});
        for (String[] endpoint : endpoints) {
            for (String body : List.of("", "{", "[]", "null", "42", "\"text\"", "{\"name\":{},\"email\":[],\"role\":1,\"token\":{},\"width\":\"w\"}", "\u0000")) {
                Http.Response response = Http.send(endpoint[0], endpoint[1], admin[1], body);
                assertEquals(422, response.status(), endpoint[0] + " " + endpoint[1] + " with " + body + ": " + response.body());
                assertTrue(response.json().get("detail").isArray(), response.body());
            }
        }
        assertEquals("Fuzz", Http.get(orgUrl, admin[1]).json().get("name").asText(), "nothing changed");
    }

    private static JsonNode create(String token, String name) {
        Http.Response created = Http.postJson(api + "/organizations/", token, "{\"name\":\"" + name + "\"}");
        assertEquals(200, created.status(), created.body());
        return created.json();
    }

    /** An image uploaded by the user and attached to an entity of the organization, as a catalog create does. */
    private static String orgMedia(String userId, String organizationId) {
        String url = MediaTest.upload(hubs, Accounts.superuserToken(hubs), "org.png", "image/png", MediaTest.image(Color.ORANGE, "png"));
        Exchange done = hubs.backend().getBean(CamelContext.class).createProducerTemplate().send("direct:media.attach", e -> {
            e.getMessage().setBody(Map.of("entity_type", "PRODUCT", "entity_id", UUID.randomUUID().toString(),
                    "slots", List.of(Map.of("slot", "cover_image", "url", url))));
            e.setProperty(Scope.PROPERTY, new Scope(userId, false, organizationId, "admin"));
        });
        assertNull(done.getException());
        return (String) done.getMessage().getBody(List.class).stream().map(m -> ((Map<?, ?>) m).get("media_resource_id")).findFirst().orElseThrow();
    }

    private static jakarta.mail.internet.MimeMessage awaitMail(String to) throws InterruptedException {
        return IdentityTest.awaitMail(to);
    }
}
