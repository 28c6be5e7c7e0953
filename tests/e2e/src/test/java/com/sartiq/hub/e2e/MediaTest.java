package com.sartiq.hub.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.sartiq.hub.backend.tenancy.Scope;
import com.sartiq.hub.common.rest.ApiException;
import com.sartiq.hub.common.rest.RequestValidationException;
import com.sartiq.hub.localstack.LocalStack;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The documented upload flow: presigned PUT into temp/, ingestion into deduplicated media, CDN URLs. */
class MediaTest {

    private static LocalStack hubs;
    private static String token;
    private static String userId;
    private static ProducerTemplate camel;

    @BeforeAll
    static void start() {
        hubs = Hubs.get();
        var secrets = hubs.stack().secrets();
        token = Http.postForm(hubs.backendUrl() + "/api/v1/login/access-token",
                Map.of("username", secrets.firstSuperuser(), "password", secrets.firstSuperuserPassword())).json().get("access_token").asText();
        userId = Http.get(hubs.backendUrl() + "/api/v1/users/me", token).json().get("id").asText();
        camel = hubs.backend().getBean(CamelContext.class).createProducerTemplate();
    }

    @Test
    void anUploadIsIngestedOnceAndDeduplicatedByContent() {
        byte[] png = image(Color.RED, "png");
        String firstUrl = upload("summer dress (front).png", "image/png", png);
        assertTrue(firstUrl.contains("/temp/"), firstUrl);
        assertTrue(firstUrl.endsWith("_summer_dress_front_.png"), firstUrl);

        String productA = UUID.randomUUID().toString();
        Map<String, Object> attached = attach(productA, "cover_image", null, firstUrl).get(0);
        String mediaUrl = (String) attached.get("url");
        assertTrue(mediaUrl.matches(".*/media/" + attached.get("media_resource_id") + "/file\\.png"), mediaUrl);
        assertArrayEquals(png, Http.bytes(mediaUrl));
        assertEquals(404, status(firstUrl), "the temp object is gone after ingestion");

        // the same bytes again, declared as jpeg under another name: same resource, type from the bytes
        String secondUrl = upload("copy.jpg", "image/jpeg", png);
        String productB = UUID.randomUUID().toString();
        Map<String, Object> again = attach(productB, "cover_image", null, secondUrl).get(0);
        assertEquals(attached.get("media_resource_id"), again.get("media_resource_id"));
        assertEquals(mediaUrl, again.get("url"));
        assertEquals(404, status(secondUrl));

        // an existing media URL can be attached as is; positioned slots keep their order
        String blue = upload("blue.webp", "image/png", image(Color.BLUE, "png"));
        attach(productA, "gallery", 1, mediaUrl);
        List<Map<String, Object>> gallery = result(call("direct:media.attach", Map.of(
                "entity_type", "PRODUCT", "entity_id", productA, "slots", List.of(
                        Map.of("slot", "gallery", "position", 0, "url", blue),
                        Map.of("slot", "gallery", "position", 1, "url", mediaUrl)))));
        assertEquals(2, gallery.size());

        Map<?, ?> urls = camel.requestBody("direct:media.urls", Map.of("entity_type", "PRODUCT", "entity_ids", List.of(productA, productB)), Map.class);
        Map<?, ?> a = (Map<?, ?>) urls.get(productA);
        assertEquals(mediaUrl, a.get("cover_image"));
        assertEquals(List.of(gallery.get(0).get("url"), mediaUrl), a.get("gallery"), "replaced, in position order");
        assertEquals(Map.of("cover_image", mediaUrl), urls.get(productB));
        assertEquals(Map.of(), camel.requestBody("direct:media.urls", Map.of("entity_type", "PRODUCT", "entity_ids", List.of()), Map.class));
    }

    @Test
    void foreignUrlsAreRefusedForEachSlotAndNonImagesBytesAre415() {
        String entity = UUID.randomUUID().toString();
        Exchange bad = call("direct:media.attach", Map.of(
                "entity_type", "PRODUCT", "entity_id", entity, "slots", List.of(
                        Map.of("slot", "cover_image", "url", "https://evil.example.com/temp/x.png"),
                        Map.of("slot", "back_image", "url", hubs.stack().s3().publicBaseUrl("sartiq") + "/../etc/passwd"))));
        RequestValidationException invalid = assertInstanceOf(RequestValidationException.class, bad.getException());
        assertEquals(2, invalid.errors().size());
        assertEquals(List.of("body", "cover_image"), invalid.errors().get(0).loc());
        assertEquals("url_invalid", invalid.errors().get(0).type());
        assertEquals(List.of("body", "back_image"), invalid.errors().get(1).loc());

        String text = upload("notes.png", "image/png", "just some text, not an image".getBytes());
        assertEquals(415, assertInstanceOf(ApiException.class, attachExchange(entity, "cover_image", null, text).getException()).status());
        assertEquals(404, status(text), "a refused upload is deleted");

        String never = hubs.stack().s3().publicBaseUrl("sartiq") + "/temp/" + UUID.randomUUID() + "_1_never.png";
        assertEquals("url_invalid", assertInstanceOf(RequestValidationException.class,
                attachExchange(entity, "cover_image", null, never).getException()).errors().get(0).type());
    }

    @Test
    void presignedUrlRequestsAreChecked() {
        String url = hubs.backendUrl() + "/api/v1/uploads/presigned-url";
        Http.Response ok = Http.postJson(url, token, "{\"filename\":\"a.png\",\"content_type\":\"image/png\",\"size\":1000}");
        assertEquals(200, ok.status(), ok.body());
        assertEquals("PUT", ok.json().get("upload_method").asText());
        assertEquals(52428800, ok.json().get("max_file_size").asLong());
        assertEquals(900, ok.json().get("expires_in_seconds").asInt());
        assertEquals(413, Http.postJson(url, token, "{\"filename\":\"a.png\",\"content_type\":\"image/png\",\"size\":52428801}").status());
        assertEquals(415, Http.postJson(url, token, "{\"filename\":\"a.txt\",\"content_type\":\"text/plain\"}").status());
        Http.Response missing = Http.postJson(url, token, "{\"size\":-1}");
        assertEquals(422, missing.status());
        assertEquals(3, missing.json().get("detail").size(), missing.body());
        assertEquals(401, Http.postJson(url, null, "{}").status());
        for (String body : List.of("", "[]", "{", "{\"filename\":7,\"content_type\":[]}", "null", "\"x\"")) {
            assertEquals(422, Http.postJson(url, token, body).status(), body);
        }
    }

    @Test
    void filesRedirectToTheCdnAndMetadataFillsOnlyEmptyFields() {
        String mediaUrl = (String) attach(UUID.randomUUID().toString(), "cover_image", null,
                upload("green.png", "image/png", image(Color.GREEN, "png"))).get(0).get("url");
        String key = mediaUrl.substring(mediaUrl.indexOf("/media/") + 1);
        HttpResponse<String> redirect = raw(hubs.backendUrl() + "/files/" + key);
        assertEquals(302, redirect.statusCode());
        assertEquals(mediaUrl, redirect.headers().firstValue("Location").orElseThrow());
        assertEquals(404, raw(hubs.backendUrl() + "/files/").statusCode());

        String id = key.split("/")[1];
        String patch = hubs.backendUrl() + "/api/v1/media-resources/" + id;
        JsonNode first = Http.send("PATCH", patch, token, "{\"width\":64,\"alt_text\":\"a green square\"}").json();
        assertEquals(64, first.get("width").asInt());
        JsonNode second = Http.send("PATCH", patch, token, "{\"width\":999,\"height\":48,\"alt_text\":\"other\"}").json();
        assertEquals(64, second.get("width").asInt(), "already set: kept");
        assertEquals(48, second.get("height").asInt());
        assertEquals("a green square", second.get("alt_text").asText());
        assertEquals("png", second.get("extension").asText());
        assertEquals(404, Http.send("PATCH", hubs.backendUrl() + "/api/v1/media-resources/" + UUID.randomUUID(), token, "{}").status());
        assertEquals(404, Http.send("PATCH", hubs.backendUrl() + "/api/v1/media-resources/nope", token, "{}").status());
        assertEquals(422, Http.send("PATCH", patch, token, "{\"width\":-1,\"height\":\"x\"}").status());
    }

    @Test
    void aNewImageGetsAThumbnailItsSizeAndColourFromABackgroundJob() throws IOException {
        BufferedImage large = new BufferedImage(1200, 800, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = large.createGraphics();
        g.setColor(new Color(30, 90, 200));
        g.fillRect(0, 0, 1200, 800);
        g.setColor(new Color((int) (Math.random() * 0xFFFFFF)));
        g.fillRect(10, 10, 40, 40);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(large, "png", png);
        String mediaUrl = (String) attach(UUID.randomUUID().toString(), "cover_image", null,
                upload("large.png", "image/png", png.toByteArray())).get(0).get("url");
        String id = mediaUrl.substring(mediaUrl.indexOf("/media/") + 7).split("/")[0];

        // PATCH with nothing to fill reads the resource back
        JsonNode enriched = null;
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline && (enriched == null || !enriched.hasNonNull("thumbnail_url"))) {
            enriched = Http.send("PATCH", hubs.backendUrl() + "/api/v1/media-resources/" + id, token, "{}").json();
            sleep(200);
        }
        assertTrue(enriched.hasNonNull("thumbnail_url"), "enriched within a minute: " + enriched);
        assertEquals(1200, enriched.get("width").asInt());
        assertEquals(800, enriched.get("height").asInt());
        String colour = enriched.get("dominant_color").asText();
        int[] rgb = {Integer.parseInt(colour.substring(1, 3), 16), Integer.parseInt(colour.substring(3, 5), 16), Integer.parseInt(colour.substring(5, 7), 16)};
        assertTrue(Math.abs(rgb[0] - 30) <= 2 && Math.abs(rgb[1] - 90) <= 2 && Math.abs(rgb[2] - 200) <= 2, "the picture's mean colour: " + colour);
        BufferedImage thumbnail = ImageIO.read(new java.io.ByteArrayInputStream(Http.bytes(enriched.get("thumbnail_url").asText())));
        assertEquals(512, thumbnail.getWidth());
        assertEquals(341, thumbnail.getHeight());
    }

    static String upload(String filename, String contentType, byte[] bytes) {
        return upload(hubs, token, filename, contentType, bytes);
    }

    /** Presigns, PUTs the bytes to storage and answers the temp file_url. */
    static String upload(LocalStack hubs, String token, String filename, String contentType, byte[] bytes) {
        Http.Response presigned = Http.postJson(hubs.backendUrl() + "/api/v1/uploads/presigned-url", token,
                "{\"filename\":\"" + filename + "\",\"content_type\":\"" + contentType + "\",\"size\":" + bytes.length + "}");
        assertEquals(200, presigned.status(), presigned.body());
        Http.put(presigned.json().get("upload_url").asText(), bytes, contentType);
        return presigned.json().get("file_url").asText();
    }

    private static List<Map<String, Object>> attach(String entityId, String slot, Integer position, String url) {
        return result(attachExchange(entityId, slot, position, url));
    }

    private static Exchange attachExchange(String entityId, String slot, Integer position, String url) {
        Map<String, Object> entry = new java.util.HashMap<>();
        entry.put("slot", slot);
        entry.put("position", position);
        entry.put("url", url);
        return call("direct:media.attach", Map.of("entity_type", "PRODUCT", "entity_id", entityId, "slots", List.of(entry)));
    }

    /** Calls a route as another feature's route would: the caller's scope set, the exception left on the exchange. */
    private static Exchange call(String endpoint, Object body) {
        return camel.send(endpoint, e -> {
            e.getMessage().setBody(body);
            e.setProperty(Scope.PROPERTY, scope());
        });
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> result(Exchange exchange) {
        if (exchange.getException() != null) {
            throw new AssertionError(exchange.getException());
        }
        return exchange.getMessage().getBody(List.class);
    }

    private static Scope scope() {
        return new Scope(userId, true, null, null);
    }

    static byte[] image(Color color, String format) {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, 64, 48);
        g.setColor(new Color((int) (Math.random() * 0xFFFFFF)));
        g.fillOval(8, 8, 20, 20);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int status(String url) {
        return raw(url).statusCode();
    }

    private static HttpResponse<String> raw(String url) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

}
