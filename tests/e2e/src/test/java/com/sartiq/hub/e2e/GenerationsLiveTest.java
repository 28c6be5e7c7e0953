package com.sartiq.hub.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.sartiq.hub.localstack.LocalStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Live generation updates over the backend's WebSocket, across two backend instances. */
class GenerationsLiveTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static LocalStack hubs;

    @BeforeAll
    static void start() {
        hubs = Hubs.get();
    }

    @Test
    void aBatchOfTwoIsWatchedFromSubmissionToCompletion() {
        Tenants.User user = Tenants.user(hubs, false);
        String organization = Tenants.organization(hubs, user);
        try (LiveClient live = LiveClient.connect(hubs.backendUrl(), "token=" + user.token() + "&organization_id=" + organization)) {
            JsonNode auth = live.await(WAIT, m -> true);
            assertEquals("auth_success", auth.get("type").asText(), auth.toString());
            assertEquals(user.id(), auth.get("user_id").asText());
            assertEquals(organization, auth.get("organization_id").asText());
            assertEquals("organization", auth.get("context").asText());

            Http.Response created = Http.postJson(hubs.backendUrl() + "/api/v1/generations/?organization_id=" + organization, user.token(),
                    "{\"prompt\":\"a denim jacket\",\"width\":256,\"height\":256,\"batch_size\":2}");
            assertEquals(201, created.status(), created.body());
            String id = created.json().get("id").asText();
            assertEquals(organization, created.json().get("organization_id").asText());

            JsonNode first = live.await(WAIT, LiveClient.about(id));
            assertEquals("generation_created", first.get("type").asText());
            JsonNode done = live.await(WAIT, m -> LiveClient.about(id).test(m) && m.at("/payload/status").asText().equals("completed"));
            assertEquals("generation_updated", done.get("type").asText());
            assertEquals(100, done.at("/payload/progress").asInt());
            assertEquals(2, done.at("/payload/predictions").size());
            for (JsonNode prediction : done.at("/payload/predictions")) {
                assertEquals("completed", prediction.get("status").asText());
                assertTrue(prediction.get("result_image_url").asText().startsWith("http"), prediction.toString());
            }
            List<String> states = live.received.stream().filter(LiveClient.about(id))
                    .map(m -> m.at("/payload/predictions/0/status").asText() + "/" + m.at("/payload/predictions/1/status").asText()).toList();
            assertTrue(states.size() >= 4, "creation, the predictions' progress and completion are pushed: " + states);
            assertTrue(states.stream().anyMatch(s -> s.contains("generating")), "progress while generating is pushed: " + states);
        }
    }

    @Test
    void aSocketOnTheSecondInstanceSeesAChangeMadeThroughTheFirst() {
        String second = Hubs.secondBackendUrl();
        Tenants.User user = Tenants.user(hubs, false);
        try (LiveClient live = LiveClient.connect(second, null)) {
            live.send("{\"type\":\"auth\",\"token\":\"" + user.token() + "\"}");
            JsonNode auth = live.await(WAIT, m -> true);
            assertEquals("auth_success", auth.get("type").asText(), auth.toString());
            assertEquals("personal", auth.get("context").asText());

            Http.Response created = Http.postJson(hubs.backendUrl() + "/api/v1/generations/", user.token(),
                    "{\"prompt\":\"a wool scarf\",\"width\":256,\"height\":256}");
            assertEquals(201, created.status(), created.body());
            String id = created.json().get("id").asText();
            JsonNode done = live.await(WAIT, m -> LiveClient.about(id).test(m) && m.at("/payload/status").asText().equals("completed"));
            assertEquals(user.id(), done.at("/payload/owner_id").asText());
        }
    }

    @Test
    void aPersonalGenerationReachesOnlyItsOwner() {
        Tenants.User owner = Tenants.user(hubs, false);
        Tenants.User other = Tenants.user(hubs, false);
        try (LiveClient mine = LiveClient.connect(hubs.backendUrl(), "token=" + owner.token());
             LiveClient theirs = LiveClient.connect(hubs.backendUrl(), "token=" + other.token())) {
            mine.await(WAIT, m -> m.get("type").asText().equals("auth_success"));
            theirs.await(WAIT, m -> m.get("type").asText().equals("auth_success"));
            String id = Http.postJson(hubs.backendUrl() + "/api/v1/generations/", owner.token(),
                    "{\"prompt\":\"a silk blouse\",\"width\":256,\"height\":256}").json().get("id").asText();
            mine.await(WAIT, m -> LiveClient.about(id).test(m) && m.at("/payload/status").asText().equals("completed"));
            assertTrue(theirs.silentFor(Duration.ofSeconds(1), LiveClient.about(id)), "another user hears nothing of it");
        }
    }

    @Test
    void aReconnectingClientAsksForWhatItMissed() {
        Tenants.User user = Tenants.user(hubs, false);
        Instant before = Instant.now().minusSeconds(1);
        String id = Http.postJson(hubs.backendUrl() + "/api/v1/generations/", user.token(),
                "{\"prompt\":\"leather boots\",\"width\":256,\"height\":256}").json().get("id").asText();
        Http.await(hubs.backendUrl() + "/api/v1/generations/" + id, user.token(), WAIT, g -> g.get("status").asText().equals("completed"));

        try (LiveClient live = LiveClient.connect(hubs.backendUrl(), "token=" + user.token())) {
            live.await(WAIT, m -> m.get("type").asText().equals("auth_success"));
            live.send("{\"type\":\"resync\",\"since\":\"" + before + "\"}");
            JsonNode missed = live.await(WAIT, LiveClient.about(id));
            assertEquals("completed", missed.at("/payload/status").asText());
            JsonNode end = live.await(WAIT, m -> m.get("type").asText().equals("resync_complete"));
            assertEquals(1, end.get("count").asInt(), "only this user's generation changed since then");

            live.send("{\"type\":\"resync\",\"since\":\"yesterday\"}");
            assertEquals("error", live.await(WAIT, m -> true).get("type").asText());
        }
    }

    @Test
    void aBadTokenOrAForeignOrganizationIsAnAuthError() {
        try (LiveClient live = LiveClient.connect(hubs.backendUrl(), "token=not-a-jwt")) {
            JsonNode refused = live.await(WAIT, m -> true);
            assertEquals("auth_error", refused.get("type").asText());
            assertEquals("Could not validate credentials", refused.get("error").asText());
        }
        Tenants.User user = Tenants.user(hubs, false);
        String foreign = Tenants.organization(hubs, Tenants.user(hubs, false));
        try (LiveClient live = LiveClient.connect(hubs.backendUrl(), null)) {
            live.send("{\"type\":\"auth\",\"token\":\"" + user.token() + "\",\"organization_id\":\"" + foreign + "\"}");
            JsonNode refused = live.await(WAIT, m -> true);
            assertEquals("auth_error", refused.get("type").asText());
            assertEquals("Organization not found", refused.get("error").asText());
        }
        try (LiveClient live = LiveClient.connect(hubs.backendUrl(), null)) {
            live.send("{\"type\":\"resync\",\"since\":\"2020-01-01T00:00:00Z\"}");
            assertEquals("auth_error", live.await(WAIT, m -> true).get("type").asText(), "nothing before authentication");
        }
    }

    @Test
    void theMessageUnionIsPublished() {
        Http.Response schema = Http.get(hubs.backendUrl() + "/api/v1/schema", null);
        assertEquals(200, schema.status(), schema.body());
        assertEquals("WebSocketMessage", schema.json().get("title").asText());
        for (String type : List.of("GenerationMessage", "ShotMessage", "AuthSuccessMessage", "AuthErrorMessage")) {
            assertTrue(schema.json().at("/$defs").has(type), type);
        }
    }
}
