package com.sartiq.hub.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.sartiq.hub.localstack.LocalStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Shootings end to end over the real hubs: phase rules, looks that make shots, the review of revisions
 * with uploaded images, the gallery, generation from a shot, and the export job (ZIP in storage, downloaded
 * through its presigned link), including a retry after a failed attempt and the clean-up of old uploads.
 */
class ShootingsTest {

    private static LocalStack hubs;
    private static Tenants.User user;
    private static Shootings fx;
    private static String product;
    private static String subject;
    private static String style;
    private static String front;
    private static String back;

    @BeforeAll
    static void start() {
        hubs = Hubs.get();
        user = Tenants.user(hubs, false);
        fx = new Shootings(hubs, user.token(), Tenants.organization(hubs, user));
        product = fx.id("/products/", "{\"name\":\"Linen dress\",\"sku\":\"LD-" + UUID.randomUUID() + "\"}");
        subject = fx.id("/subjects/", "{\"name\":\"Anna\"}");
        style = fx.id("/styles/", "{\"name\":\"Studio\"}");
        front = fx.id("/shot-types/", "{\"name\":\"Front full body\",\"framing\":\"FULL_BODY\",\"view_angle\":\"FRONT\"}");
        back = fx.id("/shot-types/", "{\"name\":\"Back full body\",\"framing\":\"FULL_BODY\",\"view_angle\":\"BACK\"}");
    }

    @Test
    void twoLooksInTwoShotTypesAreFourShotsReviewedAndExportedWithEveryApprovedImage() throws IOException {
        String shooting = fx.shooting("Summer campaign");
        JsonNode first = fx.look(shooting, "Look one", product, subject, style, front, back);
        JsonNode second = fx.look(shooting, "Look two", product, subject, style, front, back);
        assertEquals(2, first.get("shots").size());

        JsonNode shots = Http.get(fx.api("/shots/?shooting_id=" + shooting), user.token()).json();
        assertEquals(4, shots.get("count").asInt(), shots.toString());
        assertEquals(2, Http.get(fx.api("/shots/?look_id=" + second.get("id").asText()), user.token()).json().get("count").asInt());
        Map<String, byte[]> approved = new HashMap<>();
        Color[] colours = {Color.RED, Color.GREEN, Color.BLUE, Color.ORANGE};
        List<String> shotIds = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            JsonNode shot = shots.get("data").get(i);
            String id = shot.get("id").asText();
            shotIds.add(id);
            assertEquals("PENDING", shot.get("status").asText());
            assertEquals(1, shot.at("/current_revision/version").asInt());
            byte[] png = Shootings.png(colours[i]);
            JsonNode withImage = addImage(id, png);
            assertEquals("IN_REVIEW", withImage.get("status").asText());
            assertEquals(1, withImage.at("/current_revision/images").size());
            approved.put(id, png);
        }

        // one shot is rejected: its next revision gets a new image, the rejected one stays out of the export
        String revised = shotIds.get(1);
        JsonNode rejected = post("/shots/" + revised + "/reject", "{\"notes\":\"sleeve is wrong\"}", 200);
        assertEquals(2, rejected.at("/current_revision/version").asInt());
        assertEquals("PENDING", rejected.get("status").asText());
        assertEquals(409, Http.postJson(fx.api("/shots/" + revised + "/approve"), user.token(), "{}").status(), "nothing to approve yet");
        byte[] better = Shootings.png(Color.MAGENTA);
        addImage(revised, better);
        approved.put(revised, better);

        for (String id : shotIds) {
            assertEquals("APPROVED", post("/shots/" + id + "/approve", "{}", 200).get("status").asText());
        }
        assertEquals(409, Http.postJson(fx.api("/shots/" + shotIds.get(0) + "/approve"), user.token(), "{}").status());
        assertEquals(409, Http.postJson(fx.api("/shots/" + shotIds.get(0) + "/images"), user.token(),
                "{\"image_url\":\"" + fx.upload(Shootings.png(Color.PINK)) + "\"}").status(), "an approved revision takes no images");

        JsonNode revisions = Http.get(fx.api("/shots/" + revised + "/revisions"), user.token()).json();
        assertEquals(2, revisions.get("count").asInt());
        assertEquals("APPROVED", revisions.at("/data/0/status").asText());
        assertEquals("REJECTED", revisions.at("/data/1/status").asText());
        assertEquals("sleeve is wrong", revisions.at("/data/1/notes").asText());

        JsonNode gallery = Http.get(fx.api("/gallery?shooting_id=" + shooting), user.token()).json();
        assertEquals(4, gallery.get("count").asInt());
        gallery.get("data").forEach(s -> assertEquals("APPROVED", s.get("status").asText()));
        assertEquals("Look one", gallery.at("/data/0/look_name").asText());

        JsonNode note = post("/annotations", "{\"shot_id\":\"" + revised + "\",\"text\":\"good now\",\"x\":0.5,\"y\":0.25}", 201);
        assertEquals(2, note.get("version").asInt());
        assertEquals(1, Http.get(fx.api("/shots/" + revised + "/annotations"), user.token()).json().get("count").asInt());
        assertEquals(1, Http.get(fx.api("/annotations?shot_id=" + revised), user.token()).json().get("count").asInt());

        Map<String, byte[]> zip = export(shooting);
        assertEquals(4, zip.size(), "one file per approved shot: " + zip.keySet());
        for (byte[] png : approved.values()) {
            assertTrue(zip.values().stream().anyMatch(entry -> Arrays.equals(entry, png)), "every approved image is in the ZIP");
        }
        assertTrue(zip.keySet().stream().allMatch(n -> n.matches("0[12]-look-(one|two)/(front|back)-full-body-v[12]-1\\.png")), zip.keySet().toString());
    }

    @Test
    void phaseRulesDecideTheProductions() {
        JsonNode production = fx.create("/shootings/", "{\"name\":\"P\",\"due_date\":\"2030-01-01T00:00:00Z\"}");
        assertEquals("PRODUCTION", production.get("phase").asText());
        assertEquals("MAIN", production.at("/productions/0/kind").asText());
        JsonNode brief = fx.create("/shootings/", "{\"name\":\"B\",\"due_date\":\"2030-01-01T00:00:00Z\",\"phase\":\"BRIEF\"}");
        assertEquals(0, brief.get("productions").size());

        assertError(Http.postJson(fx.api("/shootings/"), user.token(), "{\"name\":\"T\",\"due_date\":\"2030-01-01T00:00:00Z\",\"phase\":\"TEST_SHOOTING\"}"),
                List.of("body", "phase"), "literal_error");
        assertError(Http.postJson(fx.api("/shootings/"), user.token(),
                "{\"name\":\"T\",\"due_date\":\"2030-01-01T00:00:00Z\",\"phase\":\"PRODUCTION\",\"require_test_shooting\":true}"),
                List.of("body", "require_test_shooting"), "value_error");
        assertError(Http.postJson(fx.api("/shootings/"), user.token(), "{\"name\":\"G\",\"due_date\":\"2030-01-01T00:00:00Z\","
                + "\"default_guidelines\":{\"name\":\"inline\"},\"default_guidelines_id\":\"" + UUID.randomUUID() + "\"}"),
                List.of("body", "default_guidelines"), "value_error");

        JsonNode gated = fx.create("/shootings/", "{\"name\":\"Gated\",\"due_date\":\"2030-01-01T00:00:00Z\",\"require_test_shooting\":true}");
        assertEquals("BRIEF", gated.get("phase").asText());
        String path = "/shootings/" + gated.get("id").asText();
        Http.Response tooEarly = Http.send("PATCH", fx.api(path), user.token(), "{\"phase\":\"PRODUCTION\"}");
        assertEquals(409, tooEarly.status(), tooEarly.body());
        JsonNode test = Http.send("PATCH", fx.api(path), user.token(), "{\"phase\":\"TEST_SHOOTING\"}").json();
        assertEquals("TEST", test.at("/productions/0/kind").asText());
        JsonNode main = Http.send("PATCH", fx.api(path), user.token(), "{\"phase\":\"PRODUCTION\",\"archived\":true}").json();
        assertEquals(2, main.get("productions").size(), main.toString());
        assertTrue(main.get("archived").asBoolean());
        JsonNode archived = Http.get(fx.api("/shootings/?archived=true"), user.token()).json();
        assertTrue(archived.get("data").findValuesAsText("id").contains(gated.get("id").asText()));
        assertFalse(Http.get(fx.api("/shootings/?archived=false"), user.token()).json().get("data").findValuesAsText("id").contains(gated.get("id").asText()));
        Http.Response badQuery = Http.get(fx.api("/shootings/?archived=maybe&limit=0"), user.token());
        assertEquals(422, badQuery.status(), badQuery.body());
        assertEquals(2, badQuery.json().get("detail").size(), "both bad parameters named: " + badQuery.body());

        assertEquals(200, Http.send("DELETE", fx.api(path), user.token(), null).status());
        assertEquals(404, Http.get(fx.api(path), user.token()).status());
    }

    @Test
    void badLooksAnswer422NamingEachField() {
        String shooting = fx.shooting("Validation");
        Tenants.User stranger = Tenants.user(hubs, false);
        String foreignProduct = new Shootings(hubs, stranger.token(), null).id("/products/", "{\"name\":\"Not yours\",\"sku\":\"NY-1\"}");
        Http.Response refs = Http.postJson(fx.api("/shootings/" + shooting + "/looks"), user.token(),
                "{\"main_product_id\":\"" + foreignProduct + "\",\"shot_type_ids\":[\"" + front + "\",\"" + UUID.randomUUID() + "\"]}");
        assertEquals(422, refs.status(), refs.body());
        assertEquals(List.of("body", "main_product_id"), loc(refs.json().at("/detail/0")));
        assertEquals("Product not found", refs.json().at("/detail/0/msg").asText());
        assertEquals(List.of("body", "shot_type_ids", 1), loc(refs.json().at("/detail/1")));
        assertEquals("not_found", refs.json().at("/detail/1/type").asText());

        assertError(Http.postJson(fx.api("/shootings/" + shooting + "/looks"), user.token(), "{\"shot_type_ids\":[]}"), List.of("body", "shot_type_ids"), "value_error");
        assertError(Http.postJson(fx.api("/shootings/" + shooting + "/looks"), user.token(),
                "{\"shot_type_ids\":[\"" + front + "\"],\"file_format\":\"GIF\"}"), List.of("body", "file_format"), "type_error");
        assertError(Http.postJson(fx.api("/shootings/"), user.token(), "{\"due_date\":\"2030-01-01T00:00:00Z\"}"), List.of("body", "name"), "missing");
        assertError(Http.postJson(fx.api("/shooting-looks"), user.token(), "{\"shot_type_ids\":[\"" + front + "\"]}"), List.of("body", "shooting_id"), "missing");
        String shot = fx.look(shooting, "L", product, subject, style, front).at("/shots/0/id").asText();
        assertError(Http.postJson(fx.api("/shots/" + shot + "/generate"), user.token(), "{\"num_predictions\":0}"), List.of("body", "num_predictions"), "value_error");
        assertError(Http.postJson(fx.api("/shots/" + shot + "/images"), user.token(), "{\"image_url\":\"https://elsewhere.example/x.png\"}"),
                List.of("body", "image_url"), "url_invalid");
        assertError(Http.postJson(fx.api("/shots/" + shot + "/reject"), user.token(), "{}"), List.of("body", "notes"), "missing");
        assertEquals(0, Http.get(fx.api("/shots/" + shot), user.token()).json().at("/current_revision/images").size(), "nothing half-written");
    }

    @Test
    void aShotGeneratesFromItsLook() {
        String shooting = fx.shooting("Generate");
        String shot = fx.look(shooting, "Gen", product, subject, style, front).at("/shots/0/id").asText();
        Http.Response generated = Http.postJson(fx.api("/shots/" + shot + "/generate"), user.token(), "{\"num_predictions\":2}");
        assertEquals(201, generated.status(), generated.body());
        assertEquals(2, generated.json().get("predictions").size());
        String prompt = generated.json().get("prompt").asText();
        assertTrue(prompt.contains("Anna") && prompt.contains("Linen dress") && prompt.contains("Front full body") && prompt.contains("Studio"), prompt);
        assertEquals(1024, generated.json().get("width").asInt());
    }

    @Test
    void anExportRetriesAfterAFailedAttempt() throws IOException {
        String shooting = fx.shooting("Retry");
        String shot = fx.look(shooting, "R", product, subject, style, front).at("/shots/0/id").asText();
        byte[] png = Shootings.png(Color.CYAN);
        String url = addImage(shot, png).at("/current_revision/images/0/url").asText();
        post("/shots/" + shot + "/approve", "{}", 200);

        S3Client s3 = hubs.backend().getBean(S3Client.class);
        String key = url.substring(url.indexOf("/media/") + 1);
        s3.deleteObject(d -> d.bucket(com.sartiq.hub.testsupport.HubStack.BUCKET).key(key));
        JsonNode job = post("/shootings/" + shooting + "/export", null, 202);
        String status = fx.api("/shootings/" + shooting + "/exports/" + job.get("id").asText());
        JsonNode failedOnce = Http.await(status, user.token(), Duration.ofSeconds(30), j -> j.get("attempt").asInt() >= 1 && !j.get("error_message").isNull());
        assertTrue(failedOnce.get("error_message").asText().contains("NoSuchKey") || failedOnce.get("error_message").asText().contains("404"),
                failedOnce.toString());
        s3.putObject(p -> p.bucket(com.sartiq.hub.testsupport.HubStack.BUCKET).key(key), RequestBody.fromBytes(png));

        JsonNode done = Http.await(status, user.token(), Duration.ofSeconds(60), j -> !"pending".equals(j.get("status").asText())
                && !"running".equals(j.get("status").asText()));
        assertEquals("completed", done.get("status").asText(), done.toString());
        assertTrue(done.get("attempt").asInt() >= 2, done.toString());
        Map<String, byte[]> zip = unzip(Http.bytes(done.get("download_url").asText()));
        assertEquals(1, zip.size());
        assertArrayEquals(png, zip.values().iterator().next());
    }

    @Test
    void theCleanUpJobDeletesOnlyExpiredUploads() {
        String stale = fx.upload(Shootings.png(Color.DARK_GRAY));
        String fresh = fx.upload(Shootings.png(Color.LIGHT_GRAY));
        String staleKey = stale.substring(stale.indexOf("/temp/") + 1);
        JdbcTemplate jdbc = hubs.backend().getBean(JdbcTemplate.class);
        String job = UUID.randomUUID().toString();
        jdbc.update("insert into backend_job (id, kind, params, max_attempts) values (cast(? as uuid), 'TEMP_CLEANUP', cast(? as jsonb), 3)",
                job, "{\"max_age_seconds\":0,\"prefix\":\"" + staleKey + "\"}");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String state = "pending";
        while (System.nanoTime() < deadline && !"completed".equals(state)) {
            state = jdbc.queryForObject("select status from backend_job where id = cast(? as uuid)", String.class, job);
            sleep(100);
        }
        assertEquals("completed", state);
        assertEquals(1, jdbc.queryForObject("select (result->>'deleted')::int from backend_job where id = cast(? as uuid)", Integer.class, job));
        assertEquals(404, Http.get(stale, null).status(), "the expired upload is gone");
        assertEquals(200, Http.get(fresh, null).status(), "an upload outside the job's prefix stays");
    }

    private static JsonNode addImage(String shot, byte[] png) {
        return post("/shots/" + shot + "/images", "{\"image_url\":\"" + fx.upload(png) + "\"}", 201);
    }

    private static JsonNode post(String path, String body, int status) {
        Http.Response response = Http.postJson(fx.api(path), user.token(), body == null ? "" : body);
        assertEquals(status, response.status(), path + ": " + response.body());
        return response.json();
    }

    /** Queues the export, waits for it, downloads the ZIP through its link: entry name → bytes. */
    private static Map<String, byte[]> export(String shooting) throws IOException {
        JsonNode job = post("/shootings/" + shooting + "/export", null, 202);
        assertEquals("pending", job.get("status").asText());
        JsonNode done = Http.await(hubs.backendUrl() + "/api/v1/jobs/" + job.get("id").asText(), user.token(), Duration.ofSeconds(60),
                j -> "completed".equals(j.get("status").asText()) || "failed".equals(j.get("status").asText()));
        assertEquals("completed", done.get("status").asText(), done.toString());
        assertNotNull(done.get("download_url").textValue(), done.toString());
        assertEquals(4, done.at("/result/image_count").asInt());
        return unzip(Http.bytes(done.get("download_url").asText()));
    }

    private static Map<String, byte[]> unzip(byte[] archive) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }

    static void assertError(Http.Response response, List<Object> loc, String type) {
        assertEquals(422, response.status(), response.body());
        JsonNode detail = response.json().get("detail");
        for (JsonNode error : detail) {
            if (loc(error).equals(loc)) {
                assertEquals(type, error.get("type").asText(), response.body());
                assertFalse(error.get("msg").asText().isBlank());
                return;
            }
        }
        throw new AssertionError("no error at " + loc + ": " + response.body());
    }

    static List<Object> loc(JsonNode error) {
        List<Object> loc = new ArrayList<>();
        error.get("loc").forEach(p -> loc.add(p.isInt() ? (Object) p.asInt() : p.asText()));
        return loc;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
