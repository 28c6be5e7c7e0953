package com.sartiq.hub.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.sartiq.hub.e2e.IsolationWalk.Probe;
import com.sartiq.hub.localstack.LocalStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link TenantIsolationTest}'s walk for the shootings endpoints: a member of organization B calls every
 * verb on organization A's shooting, look, shot, outfit, annotation and export, and gets 404, never data;
 * ids of A's objects in B's bodies are 422 "not found"; nothing of A changed.
 */
class ShootingsIsolationTest {

    private static LocalStack hubs;
    private static Tenants.User a;
    private static Tenants.User b;
    private static final Map<String, String> ids = new LinkedHashMap<>();


    static List<Probe> probes() {
        String shootingBody = "{\"name\":\"stolen\",\"due_date\":\"2030-01-01T00:00:00Z\"}";
        String lookBody = "{\"shot_type_ids\":[\"{shotTypeB}\"]}";
        List<Probe> probes = new ArrayList<>(List.of(
            new Probe("GET", "/shootings/?organization_id={orgA}", null),
            new Probe("POST", "/shootings/?organization_id={orgA}", shootingBody),
            new Probe("GET", "/shootings/{shooting}", null),
            new Probe("GET", "/shootings/{shooting}?organization_id={orgB}", null),
            new Probe("PATCH", "/shootings/{shooting}", "{\"name\":\"stolen\"}"),
            new Probe("PATCH", "/shootings/{shooting}?organization_id={orgB}", "{\"name\":\"stolen\"}"),
            new Probe("DELETE", "/shootings/{shooting}", null),
            new Probe("POST", "/shootings/{shooting}/looks", lookBody),
            new Probe("GET", "/shootings/{shooting}/looks", null),
            new Probe("GET", "/shooting-looks/{look}", null),
            new Probe("PATCH", "/shooting-looks/{look}", "{\"name\":\"stolen\"}"),
            new Probe("DELETE", "/shooting-looks/{look}", null),
            new Probe("GET", "/shots/?organization_id={orgA}", null),
            new Probe("GET", "/shots/{shot}", null),
            new Probe("GET", "/shots/{shot}?organization_id={orgB}", null),
            new Probe("PATCH", "/shots/{shot}", "{\"notes\":\"stolen\"}"),
            new Probe("GET", "/shots/{shot}/revisions", null),
            new Probe("POST", "/shots/{shot}/approve", "{}"),
            new Probe("POST", "/shots/{shot}/reject", "{\"notes\":\"stolen\"}"),
            new Probe("POST", "/shots/{shot}/images", "{\"image_url\":\"{uploadB}\"}"),
            new Probe("POST", "/shots/{shot}/generate", "{\"num_predictions\":1}"),
            new Probe("GET", "/shots/{shot}/annotations", null),
            new Probe("GET", "/annotations?shot_id={shot}", null),
            new Probe("GET", "/gallery?shooting_id={shooting}", null),
            new Probe("POST", "/shootings/{shooting}/export", null),
            new Probe("GET", "/shootings/{shooting}/exports/{job}", null),
            new Probe("GET", "/shootings/{shootingB}/exports/{job}", null),
            new Probe("GET", "/jobs/{job}", null),
            new Probe("GET", "/jobs/{job}?organization_id={orgB}", null),
            new Probe("GET", "/outfits/?organization_id={orgA}", null),
            new Probe("POST", "/outfits/?organization_id={orgA}", "{\"instruction\":\"stolen\"}"),
            new Probe("GET", "/outfits/{outfit}", null)));
        return probes;
    }

    @BeforeAll
    static void start() {
        hubs = Hubs.get();
        a = Tenants.user(hubs, false);
        b = Tenants.user(hubs, false);
        ids.put("orgA", Tenants.organization(hubs, a));
        ids.put("orgB", Tenants.organization(hubs, b));
        Shootings fa = new Shootings(hubs, a.token(), ids.get("orgA"));
        Shootings fb = new Shootings(hubs, b.token(), ids.get("orgB"));
        String product = fa.id("/products/", "{\"name\":\"Secret product\",\"sku\":\"SP-" + UUID.randomUUID() + "\"}");
        String subject = fa.id("/subjects/", "{\"name\":\"Secret subject\"}");
        String style = fa.id("/styles/", "{\"name\":\"Secret style\"}");
        String shotType = fa.id("/shot-types/", "{\"name\":\"Secret shot\",\"framing\":\"FULL_BODY\",\"view_angle\":\"FRONT\"}");
        ids.put("shooting", fa.shooting("Secret shooting"));
        JsonNode look = fa.look(ids.get("shooting"), "Secret look", product, subject, style, shotType);
        ids.put("look", look.get("id").asText());
        ids.put("shot", look.at("/shots/0/id").asText());
        Http.Response image = Http.postJson(fa.api("/shots/" + ids.get("shot") + "/images"), a.token(),
                "{\"image_url\":\"" + fa.upload(Shootings.png(Color.YELLOW)) + "\"}");
        assertEquals(201, image.status(), image.body());
        assertEquals(200, Http.postJson(fa.api("/shots/" + ids.get("shot") + "/approve"), a.token(), "{}").status());
        ids.put("annotation", fa.id("/annotations", "{\"shot_id\":\"" + ids.get("shot") + "\",\"text\":\"Secret note\"}"));
        ids.put("outfit", fa.id("/outfits/", "{\"name\":\"Secret outfit\",\"product_ids\":[\"" + product + "\"]}"));
        Http.Response export = Http.postJson(fa.api("/shootings/" + ids.get("shooting") + "/export"), a.token(), "");
        assertEquals(202, export.status(), export.body());
        ids.put("job", export.json().get("id").asText());
        Http.await(hubs.backendUrl() + "/api/v1/jobs/" + ids.get("job"), a.token(), Duration.ofSeconds(60),
                j -> "completed".equals(j.get("status").asText()));
        ids.put("shootingB", fb.shooting("B's own"));
        ids.put("shotTypeB", fb.id("/shot-types/", "{\"name\":\"B shot\",\"framing\":\"FULL_BODY\",\"view_angle\":\"BACK\"}"));
        ids.put("uploadB", fb.upload(Shootings.png(Color.WHITE)));
    }

    @Test
    void aMemberOfAnotherOrganizationGetsNotFoundFromEveryShootingsEndpoint() {
        List<String> leaks = IsolationWalk.leaks(hubs.backendUrl(), b.token(), probes(), ids, List.of("orgA", "shooting", "look", "shot", "annotation", "outfit"));
        assertTrue(leaks.isEmpty(), String.join("\n", leaks));
        assertTrue(probes().size() >= 30);

        JsonNode still = Http.get(url("/shots/{shot}?organization_id={orgA}"), a.token()).json();
        assertEquals("APPROVED", still.get("status").asText(), "B's calls changed nothing: " + still);
        assertEquals(1, still.at("/current_revision/version").asInt());
        assertEquals("Secret shooting", Http.get(url("/shootings/{shooting}"), a.token()).json().get("name").asText());
        assertEquals(1, Http.get(url("/shootings/{shooting}/looks"), a.token()).json().get("count").asInt());
    }

    @Test
    void idsOfAnotherOrganizationInABodyAreNotFound() {
        Shootings fb = new Shootings(hubs, b.token(), ids.get("orgB"));
        Http.Response look = Http.postJson(fb.api("/shooting-looks"), b.token(), fill("{\"shooting_id\":\"{shooting}\",\"shot_type_ids\":[\"{shotTypeB}\"]}"));
        ShootingsTest.assertError(look, List.of("body", "shooting_id"), "not_found");
        Http.Response note = Http.postJson(fb.api("/annotations"), b.token(), fill("{\"shot_id\":\"{shot}\",\"text\":\"x\"}"));
        ShootingsTest.assertError(note, List.of("body", "shot_id"), "not_found");
        Http.Response outfit = Http.postJson(fb.api("/outfits/"), b.token(), fill("{\"product_ids\":[\"{look}\"]}"));
        ShootingsTest.assertError(outfit, List.of("body", "product_ids", 0), "not_found");
        Http.Response ownLook = Http.postJson(fb.api("/shootings/{shootingB}/looks".replace("{shootingB}", ids.get("shootingB"))), b.token(),
                fill("{\"outfit_id\":\"{outfit}\",\"shot_type_ids\":[\"{shotTypeB}\"]}"));
        ShootingsTest.assertError(ownLook, List.of("body", "outfit_id"), "not_found");
    }

    private static String url(String path) {
        return IsolationWalk.url(hubs.backendUrl(), path, ids);
    }

    private static String fill(String text) {
        return IsolationWalk.fill(text, ids);
    }
}
