package com.sartiq.hub.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.sartiq.hub.e2e.IsolationWalk.Probe;
import com.sartiq.hub.localstack.LocalStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link TenantIsolationTest}'s walk over the generation endpoints: a member of organization B aims every
 * verb of generations, predictions, refines, trainings and prompts at organization A's objects and gets 404.
 */
class GenerationsTenantIsolationTest {


    private static LocalStack hubs;
    private static Tenants.User a;
    private static Tenants.User b;
    private static final Map<String, String> placeholders = new LinkedHashMap<>();

    static List<Probe> probes() {
        String generate = "{\"prompt\":\"stolen\",\"width\":256,\"height\":256}";
        return List.of(
            new Probe("GET", "/generations/?organization_id={orgA}", null),
            new Probe("POST", "/generations/?organization_id={orgA}", generate),
            new Probe("GET", "/generations/{generation}", null),
            new Probe("GET", "/generations/{generation}?organization_id={orgB}", null),
            new Probe("POST", "/generations/{generation}/cancel", null),
            new Probe("GET", "/predictions/?organization_id={orgA}", null),
            new Probe("GET", "/predictions/{prediction}", null),
            new Probe("POST", "/predictions/{prediction}/select", null),
            new Probe("GET", "/refines/?organization_id={orgA}", null),
            new Probe("POST", "/refines/?organization_id={orgA}", "{\"prediction_id\":\"{prediction}\"}"),
            new Probe("POST", "/refines/", "{\"prediction_id\":\"{prediction}\"}"),
            new Probe("POST", "/refines/?organization_id={orgB}", "{\"prediction_id\":\"{prediction}\"}"),
            new Probe("GET", "/refines/{refine}", null),
            new Probe("GET", "/training/?organization_id={orgA}", null),
            new Probe("POST", "/training/?organization_id={orgA}", "{\"trigger_word\":\"X\",\"source_images\":[\"https://cdn.example.com/x.png\"]}"),
            new Probe("GET", "/training/{training}", null),
            new Probe("POST", "/training/{training}/cancel", null),
            new Probe("POST", "/prompts/create-for-generation?organization_id={orgA}", "{\"prompt\":\"x\"}"),
            new Probe("POST", "/prompts/create-editing-prompt?organization_id={orgA}", "{\"instruction\":\"x\"}"));
    }

    @BeforeAll
    static void start() {
        hubs = Hubs.get();
        a = Tenants.user(hubs, false);
        b = Tenants.user(hubs, false);
        placeholders.put("orgA", Tenants.organization(hubs, a));
        placeholders.put("orgB", Tenants.organization(hubs, b));
        Http.Response generation = Http.postJson(url("/generations/?organization_id={orgA}"), a.token(),
                "{\"prompt\":\"secret generation A\",\"width\":256,\"height\":256}");
        assertEquals(201, generation.status(), generation.body());
        placeholders.put("generation", generation.json().get("id").asText());
        JsonNode done = Http.await(url("/generations/{generation}"), a.token(), Duration.ofSeconds(60),
                g -> g.get("status").asText().equals("completed"));
        placeholders.put("prediction", done.at("/predictions/0/id").asText());
        Http.Response refine = Http.postJson(url("/refines/?organization_id={orgA}"), a.token(), fill("{\"prediction_id\":\"{prediction}\"}"));
        assertEquals(201, refine.status(), refine.body());
        placeholders.put("refine", refine.json().get("id").asText());
        Http.Response training = Http.postJson(url("/training/?organization_id={orgA}"), a.token(),
                "{\"trigger_word\":\"SECRETA\",\"source_images\":[\"https://cdn.example.com/secret.png\"]}");
        assertEquals(201, training.status(), training.body());
        placeholders.put("training", training.json().get("id").asText());
        Http.Response product = Http.postJson(url("/products/?organization_id={orgA}"), a.token(), "{\"name\":\"Secret product\",\"sku\":\"SEC-1\"}");
        assertEquals(201, product.status(), product.body());
        placeholders.put("product", product.json().get("id").asText());
    }

    @Test
    void aMemberOfAnotherOrganizationGetsNotFoundFromEveryGenerationEndpoint() {
        String before = Http.get(url("/generations/{generation}"), a.token()).body();
        List<String> leaks = IsolationWalk.leaks(hubs.backendUrl(), b.token(), probes(), placeholders, placeholders.keySet().stream().filter(k -> !k.equals("orgB")).toList());
        assertTrue(leaks.isEmpty(), String.join("\n", leaks));
        JsonNode after = Http.get(url("/generations/{generation}"), a.token()).json();
        assertEquals(before.contains("\"selected\":true"), after.toString().contains("\"selected\":true"), "B selected nothing");
        assertEquals("completed", after.get("status").asText(), "B cancelled nothing");
        assertTrue(!Http.get(url("/training/{training}"), a.token()).json().get("status").asText().equals("cancelled"), "B cancelled no training");
    }

    @Test
    void aMemberOfAnotherOrganizationCannotUseItsCatalog() {
        Http.Response generation = Http.postJson(url("/generations/?organization_id={orgB}"), b.token(),
                fill("{\"product_id\":\"{product}\",\"width\":256,\"height\":256}"));
        assertEquals(422, generation.status(), generation.body());
        assertEquals(List.of("body", "product_id"), List.of(generation.json().at("/detail/0/loc/0").asText(),
                generation.json().at("/detail/0/loc/1").asText()));
        assertEquals("Product not found", generation.json().at("/detail/0/msg").asText());
        Http.Response training = Http.postJson(url("/training/?organization_id={orgB}"), b.token(),
                fill("{\"trigger_word\":\"X\",\"entity_id\":\"{product}\",\"source_images\":[\"https://cdn.example.com/x.png\"]}"));
        assertEquals(422, training.status(), training.body());
        assertEquals("entity_id", training.json().at("/detail/0/loc/1").asText());
        assertEquals(0, Http.get(url("/generations/?organization_id={orgB}"), b.token()).json().get("count").asInt());
        assertEquals(1, Http.get(url("/generations/?organization_id={orgA}&generation_strategy=GENERATE"), a.token()).json().get("count").asInt(),
                "B's attempts wrote nothing to A");
    }

    private static String url(String path) {
        return IsolationWalk.url(hubs.backendUrl(), path, placeholders);
    }

    private static String fill(String text) {
        return IsolationWalk.fill(text, placeholders);
    }
}
