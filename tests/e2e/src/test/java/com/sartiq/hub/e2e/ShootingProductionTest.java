package com.sartiq.hub.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.sartiq.hub.localstack.LocalStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A shooting from configuration to delivery over both hubs and the fal simulator: two looks in two shot types
 * are four shots; each is generated, the WebSocket follows every generation to completion, a chosen prediction
 * of each shot goes into its revision, the shots are approved, and the export ZIP holds exactly the chosen images.
 */
class ShootingProductionTest {

    private static final Duration WAIT = Duration.ofSeconds(90);

    private static LocalStack hubs;
    private static Tenants.User user;
    private static String organization;
    private static Shootings fx;

    @BeforeAll
    static void start() {
        hubs = Hubs.get();
        user = Tenants.user(hubs, false);
        organization = Tenants.organization(hubs, user);
        fx = new Shootings(hubs, user.token(), organization);
    }

    @Test
    void twoLooksInTwoShotTypesAreGeneratedWatchedLiveReviewedAndExported() throws IOException {
        String product = fx.id("/products/", "{\"name\":\"Silk shirt\",\"sku\":\"SS-" + UUID.randomUUID() + "\"}");
        String subject = fx.id("/subjects/", "{\"name\":\"Mara\"}");
        String style = fx.id("/styles/", "{\"name\":\"Daylight\"}");
        String front = fx.id("/shot-types/", "{\"name\":\"Front upper body\",\"framing\":\"UPPER_BODY\",\"view_angle\":\"FRONT\"}");
        String side = fx.id("/shot-types/", "{\"name\":\"Side upper body\",\"framing\":\"UPPER_BODY\",\"view_angle\":\"SIDE\"}");
        String shooting = fx.shooting("Autumn drop");
        fx.look(shooting, "Look one", product, subject, style, front, side);
        fx.look(shooting, "Look two", product, subject, style, front, side);
        JsonNode shots = Http.get(fx.api("/shots/?shooting_id=" + shooting), user.token()).json();
        assertEquals(4, shots.get("count").asInt(), shots.toString());

        Map<String, String> generationOfShot = new LinkedHashMap<>();
        Map<String, JsonNode> completed = new HashMap<>();
        try (LiveClient live = LiveClient.connect(hubs.backendUrl(), "token=" + user.token() + "&organization_id=" + organization)) {
            assertEquals("auth_success", live.await(WAIT, m -> true).get("type").asText());
            for (JsonNode shot : shots.get("data")) {
                Http.Response generated = Http.postJson(fx.api("/shots/" + shot.get("id").asText() + "/generate"), user.token(),
                        "{\"num_predictions\":2}");
                assertEquals(201, generated.status(), generated.body());
                assertEquals(organization, generated.json().get("organization_id").asText(), "the generation belongs to the shot's organization");
                assertEquals(shot.get("id").asText(), generated.json().get("shot_id").asText());
                generationOfShot.put(shot.get("id").asText(), generated.json().get("id").asText());
            }
            // the four run side by side: look through everything received rather than wait for each in turn
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (completed.size() < generationOfShot.size() && System.nanoTime() < deadline) {
                for (JsonNode message : live.received) {
                    if (message.at("/payload/status").asText().equals("completed") && generationOfShot.containsValue(message.at("/payload/id").asText())) {
                        completed.put(message.at("/payload/id").asText(), message.get("payload"));
                    }
                }
                sleep(100);
            }
            assertEquals(generationOfShot.size(), completed.size(), "every generation pushed as completed: " + completed.keySet());
            completed.values().forEach(done -> assertEquals(100, done.get("progress").asInt()));
            for (String generation : generationOfShot.values()) {
                List<String> statuses = live.received.stream().filter(LiveClient.about(generation)).map(m -> m.at("/payload/status").asText()).toList();
                assertEquals("completed", statuses.get(statuses.size() - 1));
                assertTrue(statuses.size() >= 3, "created, progress and completion pushed for " + generation + ": " + statuses);
            }
        }

        // the reviewer picks one prediction per shot; it joins the shot's revision, which is then approved
        Map<String, byte[]> chosen = new HashMap<>();
        for (Map.Entry<String, String> entry : generationOfShot.entrySet()) {
            String shot = entry.getKey();
            JsonNode prediction = completed.get(entry.getValue()).get("predictions").get(1);
            assertEquals("completed", prediction.get("status").asText(), prediction.toString());
            Http.Response selected = Http.postJson(fx.api("/predictions/" + prediction.get("id").asText() + "/select"), user.token(), "{}");
            assertEquals(200, selected.status(), selected.body());
            assertTrue(selected.json().get("selected").asBoolean());
            JsonNode inReview = Http.get(fx.api("/shots/" + shot), user.token()).json();
            assertEquals("IN_REVIEW", inReview.get("status").asText(), inReview.toString());
            assertEquals(1, inReview.at("/current_revision/images").size(), inReview.toString());
            assertEquals("APPROVED", post("/shots/" + shot + "/approve", 200).get("status").asText());
            chosen.put(shot, Http.bytes(prediction.get("result_image_url").asText()));
        }
        String oneShot = generationOfShot.keySet().iterator().next();
        String another = completed.get(generationOfShot.get(oneShot)).at("/predictions/0/id").asText();
        assertEquals(409, Http.postJson(fx.api("/predictions/" + another + "/select"), user.token(), "{}").status(),
                "an approved shot takes no further image");
        assertTrue(!Http.get(fx.api("/predictions/" + another), user.token()).json().get("selected").asBoolean(),
                "and the refused selection left the prediction unmarked");

        Map<String, byte[]> zip = export(shooting);
        assertEquals(4, zip.size(), "one file per approved shot: " + zip.keySet());
        List<byte[]> images = new ArrayList<>(zip.values());
        for (byte[] image : chosen.values()) {
            assertTrue(images.stream().anyMatch(entry -> Arrays.equals(entry, image)), "every chosen image is in the ZIP, byte for byte");
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static JsonNode post(String path, int status) {
        Http.Response response = Http.postJson(fx.api(path), user.token(), "{}");
        assertEquals(status, response.status(), path + ": " + response.body());
        return response.json();
    }

    private static Map<String, byte[]> export(String shooting) throws IOException {
        Http.Response queued = Http.postJson(fx.api("/shootings/" + shooting + "/export"), user.token(), "");
        assertEquals(202, queued.status(), queued.body());
        JsonNode done = Http.await(hubs.backendUrl() + "/api/v1/jobs/" + queued.json().get("id").asText(), user.token(), WAIT,
                j -> "completed".equals(j.get("status").asText()) || "failed".equals(j.get("status").asText()));
        assertEquals("completed", done.get("status").asText(), done.toString());
        assertNotNull(done.get("download_url").textValue(), done.toString());
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(Http.bytes(done.get("download_url").asText())))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }
}
