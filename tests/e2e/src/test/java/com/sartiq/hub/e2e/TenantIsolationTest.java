package com.sartiq.hub.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.sartiq.hub.e2e.IsolationWalk.Probe;
import com.sartiq.hub.localstack.LocalStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A member of organization B walks every endpoint against organization A's objects and gets 404,
 * never data. The walk is a table: one row per endpoint and verb ({@link #probes()}); endpoints of
 * other parts of the API join by adding rows.
 */
class TenantIsolationTest {


    /** A catalog resource of the walk: its path, a valid create body, and its by-id update verb (null: none). */
    record Resource(String path, String createBody, String update, boolean deletable) {
    }

    private static LocalStack hubs;
    private static Tenants.User a;
    private static Tenants.User b;
    private static final Map<String, String> placeholders = new LinkedHashMap<>();
    private static final Map<String, String> secrets = new LinkedHashMap<>();

    static List<Resource> resources() {
        return List.of(
            new Resource("brands", "{\"name\":\"Secret brand A\"}", "PATCH", true),
            new Resource("products", "{\"name\":\"Secret product A\",\"sku\":\"SECRET-A\",\"brand_id\":\"{brands}\"}", "PATCH", true),
            new Resource("subjects", "{\"name\":\"Secret subject A\"}", "PATCH", true),
            new Resource("styles", "{\"name\":\"Secret style A\"}", "PATCH", false),
            new Resource("shot-types", "{\"name\":\"Secret shot A\",\"framing\":\"DETAIL\",\"view_angle\":\"BACK\"}", "PATCH", true),
            new Resource("background-presets", "{\"name\":\"Secret background A\"}", "PATCH", true),
            new Resource("resolution-presets", "{\"name\":\"Secret resolution A\",\"width\":640,\"height\":480}", "PATCH", true),
            new Resource("pose-presets", "{\"name\":\"Secret pose A\",\"shot_type_id\":\"{shot-types}\"}", "PUT", true),
            new Resource("set-designs", "{\"name\":\"Secret set A\",\"background_preset_id\":\"{background-presets}\"}", "PUT", true),
            new Resource("guidelines", "{\"name\":\"Secret guideline A\",\"resolution_preset_id\":\"{resolution-presets}\",\"set_design_id\":\"{set-designs}\"}", "PATCH", true),
            new Resource("stylists", "{\"name\":\"Secret stylist A\"}", "PUT", true),
            new Resource("tags", "{\"name\":\"Secret tag A\"}", "PUT", true));
    }

    /** Every endpoint of the catalog and search, aimed at A's objects or A's organization. */
    static List<Probe> probes() {
        List<Probe> probes = new ArrayList<>();
        for (Resource r : resources()) {
            String one = "/" + r.path() + "/{" + r.path() + "}";
            probes.add(new Probe("GET", "/" + r.path() + "/?organization_id={orgA}", null));
            probes.add(new Probe("POST", "/" + r.path() + "/?organization_id={orgA}", r.createBody()));
            probes.add(new Probe("GET", one, null));
            probes.add(new Probe("GET", one + "?organization_id={orgB}", null));
            if (r.update() != null) {
                probes.add(new Probe(r.update(), one, "{\"name\":\"stolen\"}"));
                probes.add(new Probe(r.update(), one + "?organization_id={orgB}", "{\"name\":\"stolen\"}"));
            }
            if (r.deletable()) {
                probes.add(new Probe("DELETE", one, null));
                probes.add(new Probe("DELETE", one + "?organization_id={orgB}", null));
            }
        }
        probes.add(new Probe("GET", "/search/?q=secret&organization_id={orgA}", null));
        return probes;
    }

    @BeforeAll
    static void start() {
        hubs = Hubs.get();
        a = Tenants.user(hubs, false);
        b = Tenants.user(hubs, false);
        placeholders.put("orgA", Tenants.organization(hubs, a));
        placeholders.put("orgB", Tenants.organization(hubs, b));
        for (Resource r : resources()) {
            Http.Response created = Http.postJson(url("/" + r.path() + "/?organization_id={orgA}"), a.token(), fill(r.createBody()));
            assertEquals(201, created.status(), r.path() + ": " + created.body());
            placeholders.put(r.path(), created.json().get("id").asText());
            secrets.put(r.path(), created.body());
        }
    }

    @Test
    void aMemberOfAnotherOrganizationGetsNotFoundFromEveryEndpoint() {
        List<String> leaks = IsolationWalk.leaks(hubs.backendUrl(), b.token(), probes(), placeholders, placeholders.keySet().stream().filter(k -> !k.equals("orgB")).toList());
        assertTrue(leaks.isEmpty(), String.join("\n", leaks));
        assertTrue(probes().size() >= 80, "the walk covers every verb of every resource");
        theWalkChangedNothingOfOrganizationA();
    }

    @Test
    void aMemberOfAnotherOrganizationCannotReferToItsObjectsOrFindThem() {
        Http.Response product = Http.postJson(url("/products/?organization_id={orgB}"), b.token(),
                fill("{\"name\":\"Mine\",\"sku\":\"B-1\",\"brand_id\":\"{brands}\"}"));
        assertEquals(422, product.status(), product.body());
        assertEquals("Brand not found", product.json().at("/detail/0/msg").asText());
        Http.Response pose = Http.postJson(url("/pose-presets/?organization_id={orgB}"), b.token(),
                fill("{\"name\":\"Mine\",\"shot_type_id\":\"{shot-types}\"}"));
        assertEquals(422, pose.status(), pose.body());

        JsonNode search = Http.get(url("/search/?q=secret&organization_id={orgB}"), b.token()).json();
        assertEquals(0, search.get("count").asInt(), search.toString());
        JsonNode personal = Http.get(url("/products/"), b.token()).json();
        assertFalse(personal.toString().toLowerCase().contains("secret"));
    }

    private static void theWalkChangedNothingOfOrganizationA() {
        for (Resource r : resources()) {
            Http.Response still = Http.get(url("/" + r.path() + "/{" + r.path() + "}"), a.token());
            assertEquals(200, still.status(), r.path() + " was deleted by B: " + still.body());
            assertEquals(jsonOf(secrets.get(r.path())).get("updated_at"), still.json().get("updated_at"), r.path() + " was changed by B");
        }
        JsonNode found = Http.get(url("/search/?q=secret&organization_id={orgA}"), a.token()).json();
        assertEquals(2, found.get("count").asInt(), "A still finds its product and subject: " + found);
    }

    private static JsonNode jsonOf(String body) {
        try {
            return Http.JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String url(String path) {
        return IsolationWalk.url(hubs.backendUrl(), path, placeholders);
    }

    private static String fill(String text) {
        return IsolationWalk.fill(text, placeholders);
    }
}
