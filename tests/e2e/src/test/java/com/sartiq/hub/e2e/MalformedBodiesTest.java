package com.sartiq.hub.e2e;

import com.sartiq.hub.localstack.LocalStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A corpus of malformed bodies posted to every catalog write endpoint (create and update): each answer
 * is a documented 4xx error in FastAPI's shape (or, for a body some resource happens to accept, a
 * write), never a 500.
 */
class MalformedBodiesTest {

    static final List<String> CORPUS = List.of(
            "", " ", "{", "}", "[]", "[{}]", "null", "true", "1", "\"text\"", "{\"name\":", "{'name':'x'}",
            "{}", "{\"name\":null}", "{\"name\":\"\"}", "{\"name\":123}", "{\"name\":{}}", "{\"name\":[\"x\"]}", "{\"name\":true}",
            "{\"name\":\"x\\u0000y\"}", "{\"name\":\"x\",\"description\":\"\\u0000\"}", "{\"\\u0000\":1,\"name\":\"ok\"}",
            "{\"name\":\"" + "n".repeat(5000) + "\"}",
            "{\"name\":\"x\",\"sku\":\"s\",\"brand_id\":\"00000000-0000-0000-0000-00000000000g\"}",
            "{\"name\":\"x\",\"width\":1e309,\"height\":-99999999999999999999}",
            "{\"name\":\"x\",\"width\":\"wide\",\"height\":1.5}",
            "{\"name\":\"x\",\"framing\":7,\"view_angle\":null}",
            "{\"name\":\"x\",\"shot_type_id\":[1,2]}",
            "{\"name\":\"x\",\"base_images\":[null,{\"image_url\":\"ftp://x\"},{\"image_url\":\"\\u0000\"},7]}",
            "{\"name\":\"x\",\"base_images\":{\"image_url\":\"https://x\"}}",
            "{\"name\":\"x\",\"styling_template_values\":\"AESTHETIC\"}",
            "{\"name\":\"x\",\"styling_template_values\":{\"AESTHETIC\":[1]}}",
            "{\"name\":\"x\",\"shot_type_ids\":[\"nope\"],\"subject_ids\":\"all\"}",
            "{\"name\":\"x\",\"provider\":\"fal\",\"provider_config\":[1],\"tool_types\":[null],\"max_size_pixels\":99999999999999999999999}",
            "{\"name\":\"x\",\"public\":\"maybe\",\"lora_weight\":\"heavy\",\"color\":\"red\"}",
            "{\"name\":\"x\",\"reference_images\":[{\"image\":null}],\"subject_portraits\":[{}]}",
            "[".repeat(3000) + "]".repeat(3000),
            "{\"a\":" .repeat(2000) + "1" + "}".repeat(2000));

    private static LocalStack hubs;
    private static Tenants.User superuser;
    private static String org;
    private static final List<String> writes = new ArrayList<>();

    @BeforeAll
    static void start() {
        hubs = Hubs.get();
        superuser = Tenants.user(hubs, true);
        org = Tenants.organization(hubs, superuser);
        String api = hubs.backendUrl() + "/api/v1/";
        for (TenantIsolationTest.Resource r : TenantIsolationTest.resources()) {
            writes.add("POST " + api + r.path() + "/?organization_id=" + org);
        }
        writes.add("POST " + api + "generation-models/");
        // an existing row for each update endpoint
        Http.Response tag = Http.postJson(api + "tags/?organization_id=" + org, superuser.token(), "{\"name\":\"victim\"}");
        writes.add("PUT " + api + "tags/" + tag.json().get("id").asText());
        Http.Response subject = Http.postJson(api + "subjects/?organization_id=" + org, superuser.token(), "{\"name\":\"victim\"}");
        writes.add("PATCH " + api + "subjects/" + subject.json().get("id").asText());
        Http.Response shot = Http.postJson(api + "shot-types/?organization_id=" + org, superuser.token(),
                "{\"name\":\"victim\",\"framing\":\"DETAIL\",\"view_angle\":\"FRONT\"}");
        writes.add("PATCH " + api + "shot-types/" + shot.json().get("id").asText());
        Http.Response model = Http.postJson(api + "generation-models/", superuser.token(), "{\"name\":\"victim-" + org + "\",\"provider\":\"fal_standard\"}");
        writes.add("PUT " + api + "generation-models/" + model.json().get("id").asText());
    }

    @Test
    void everyMalformedBodyIsAClientErrorOnEveryWriteEndpoint() throws Exception {
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        // a few calls at a time: the corpus is long, the answers independent
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        List<java.util.concurrent.Future<?>> calls = new ArrayList<>();
        for (String write : writes) {
            String method = write.substring(0, write.indexOf(' '));
            String url = write.substring(write.indexOf(' ') + 1);
            for (String body : CORPUS) {
                calls.add(pool.submit(() -> {
                    Http.Response response = Http.send(method, url, superuser.token(), body);
                    // some bodies are valid for some resources (unknown fields are ignored): those may be written
                    boolean written = response.status() == 200 || response.status() == 201;
                    boolean documented = List.of(403, 409, 413, 422).contains(response.status()) && response.body().startsWith("{\"detail\"");
                    if (!written && !documented) {
                        failures.add(write + " with " + abbreviate(body) + " → " + response.status() + " " + abbreviate(response.body()));
                    }
                }));
            }
        }
        for (var call : calls) {
            call.get();
        }
        pool.shutdown();
        assertTrue(failures.isEmpty(), failures.size() + " bad answers:\n" + String.join("\n", failures));
    }

    private static String abbreviate(String text) {
        return text.length() > 120 ? text.substring(0, 120) + "…" : text;
    }
}
