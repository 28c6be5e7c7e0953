package com.sartiq.hub.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.sartiq.hub.localstack.LocalStack;
import com.sartiq.hub.testsupport.HubStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** BACKGROUND_REMOVE over the compute API: a real image in, a cut-out with alpha in our storage out. */
class BackgroundRemovalTest {

    private static LocalStack hubs;
    private static String apiKey;

    @BeforeAll
    static void start() {
        hubs = Hubs.get();
        apiKey = hubs.stack().secrets().computeApiKey();
    }

    @Test
    void cutsAPlainObjectOutOfAPlainBackground() throws Exception {
        int w = 400, h = 300;
        String imageUrl = upload(redRectangleOnWhite(w, h));

        JsonNode task = create("{\"task_type\":\"BACKGROUND_REMOVE\",\"image_url\":\"" + imageUrl + "\"}");
        JsonNode done = awaitEnd(task.get("id").asText());
        assertEquals("completed", done.get("status").asText(), done.toString());
        JsonNode image = done.at("/output/images/0");
        assertEquals(w, image.get("width").asInt());
        assertEquals("image/png", image.get("content_type").asText());

        BufferedImage cutout = ImageIO.read(new ByteArrayInputStream(Http.bytes(image.get("url").asText())));
        assertTrue(cutout.getColorModel().hasAlpha(), "the cut-out carries an alpha channel");
        int intersection = 0, union = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean object = x >= 120 && x < 280 && y >= 80 && y < 220;
                boolean opaque = (cutout.getRGB(x, y) >>> 24) >= 128;
                intersection += object && opaque ? 1 : 0;
                union += object || opaque ? 1 : 0;
            }
        }
        double iou = (double) intersection / union;
        assertTrue(iou >= 0.9, "mask IoU " + iou);
        assertEquals(new Color(200, 30, 40).getRGB() & 0xffffff, cutout.getRGB(200, 150) & 0xffffff, "source colours are kept");
    }

    @Test
    void anImageUrlThatDoesNotAnswerFailsTheTaskAndTheWorkerCarriesOn() {
        JsonNode task = create("{\"task_type\":\"BACKGROUND_REMOVE\",\"image_url\":\"http://127.0.0.1:9/nothing.png\"}");
        JsonNode done = awaitEnd(task.get("id").asText());
        assertEquals("failed", done.get("status").asText());
        assertEquals("invalid_input", done.get("error_category").asText());
        assertTrue(done.get("error_message").asText().contains("does not answer"), done.toString());
        assertEquals(1, done.get("attempt").asInt(), "bad input is not retried");

        JsonNode next = awaitEnd(create("{\"task_type\":\"BACKGROUND_REMOVE\",\"image_url\":\"" + upload(redRectangleOnWhite(64, 64)) + "\"}")
                .get("id").asText());
        assertEquals("completed", next.get("status").asText(), "the worker carries on after a failed task");
    }

    @Test
    void somethingThatIsNotAnImageFailsTheTask() {
        String url = hubs.stack().s3().publicBaseUrl(HubStack.BUCKET) + "/inputs/" + UUID.randomUUID() + ".png";
        Http.put(url, "this is not a picture".getBytes(), "image/png");
        JsonNode done = awaitEnd(create("{\"task_type\":\"BACKGROUND_REMOVE\",\"image_url\":\"" + url + "\"}").get("id").asText());
        assertEquals("failed", done.get("status").asText());
        assertEquals("invalid_input", done.get("error_category").asText());
        assertTrue(done.get("error_message").asText().contains("not a decodable image"), done.toString());
    }

    @Test
    void theMaskAloneCroppedToTheSubjectWithAMargin() throws Exception {
        String imageUrl = upload(redRectangleOnWhite(400, 300)); // subject x 120..279, y 80..219
        JsonNode done = awaitEnd(create("{\"task_type\":\"BACKGROUND_REMOVE\",\"image_url\":\"" + imageUrl
                + "\",\"output\":\"mask\",\"crop\":true,\"crop_margin\":10}").get("id").asText());
        assertEquals("completed", done.get("status").asText(), done.toString());
        JsonNode image = done.at("/output/images/0");
        assertTrue(image.get("url").asText().endsWith("/mask.png"), image.toString());
        BufferedImage mask = ImageIO.read(new ByteArrayInputStream(Http.bytes(image.get("url").asText())));
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, mask.getType());
        assertEquals(image.get("width").asInt(), mask.getWidth());
        assertTrue(Math.abs(mask.getWidth() - 180) <= 8 && Math.abs(mask.getHeight() - 160) <= 8,
                "160×140 subject plus 10 px each side, got " + mask.getWidth() + "x" + mask.getHeight());
        assertTrue(mask.getRaster().getSample(mask.getWidth() / 2, mask.getHeight() / 2, 0) > 200, "subject is white");
        assertTrue(mask.getRaster().getSample(1, 1, 0) < 30, "margin is black");
    }

    @Test
    void theSubjectCompositedOntoAColourWithRefinedEdges() throws Exception {
        String imageUrl = upload(redRectangleOnWhite(400, 300));
        JsonNode done = awaitEnd(create("{\"task_type\":\"BACKGROUND_REMOVE\",\"image_url\":\"" + imageUrl
                + "\",\"output\":\"composite\",\"background_color\":\"#00FF00\",\"refine_edges\":true}").get("id").asText());
        assertEquals("completed", done.get("status").asText(), done.toString());
        BufferedImage composite = ImageIO.read(new ByteArrayInputStream(Http.bytes(done.at("/output/images/0/url").asText())));
        assertFalse(composite.getColorModel().hasAlpha());
        assertEquals(0x00ff00, composite.getRGB(10, 10) & 0xffffff);
        assertEquals(new Color(200, 30, 40).getRGB() & 0xffffff, composite.getRGB(200, 150) & 0xffffff);
    }

    @Test
    void aCompositeNeedsExactlyOneBackgroundAndTheRequestSaysSo() {
        Http.Response none = Http.postJson(hubs.computeUrl() + "/api/v1/tasks/", apiKey,
                "{\"task_type\":\"BACKGROUND_REMOVE\",\"image_url\":\"https://example.com/a.jpg\",\"output\":\"composite\"}");
        assertEquals(422, none.status(), none.body());
        assertTrue(none.body().contains("background_color"), none.body());
        Http.Response badOutput = Http.postJson(hubs.computeUrl() + "/api/v1/tasks/", apiKey,
                "{\"task_type\":\"BACKGROUND_REMOVE\",\"image_url\":\"https://example.com/a.jpg\",\"output\":\"webp\",\"background_color\":\"red\"}");
        assertEquals(422, badOutput.status(), badOutput.body());
        String locations = badOutput.json().get("detail").findValues("loc").toString();
        assertTrue(locations.contains("[\"body\",\"background_color\"]") && locations.contains("[\"body\",\"output\"]"), locations);
    }

    @Test
    void aBackgroundImageThatIsNoImageFailsTheTaskNamingIt() {
        String imageUrl = upload(redRectangleOnWhite(64, 64));
        String background = hubs.stack().s3().publicBaseUrl(HubStack.BUCKET) + "/inputs/" + UUID.randomUUID() + ".jpg";
        Http.put(background, "<html>not found</html>".getBytes(), "image/jpeg");
        JsonNode done = awaitEnd(create("{\"task_type\":\"BACKGROUND_REMOVE\",\"image_url\":\"" + imageUrl
                + "\",\"output\":\"composite\",\"background_image_url\":\"" + background + "\"}").get("id").asText());
        assertEquals("failed", done.get("status").asText());
        assertEquals("invalid_input", done.get("error_category").asText());
        assertTrue(done.get("error_message").asText().startsWith("background_image_url is not a usable image"), done.toString());
    }

    private static JsonNode create(String body) {
        Http.Response created = Http.postJson(hubs.computeUrl() + "/api/v1/tasks/", apiKey, body);
        assertEquals(201, created.status(), created.body());
        assertEquals("pending", created.json().get("status").asText());
        return created.json();
    }

    private static JsonNode awaitEnd(String taskId) {
        return Http.await(hubs.computeUrl() + "/api/v1/tasks/" + taskId, apiKey, Duration.ofSeconds(60),
                t -> t.get("status").asText().equals("completed") || t.get("status").asText().equals("failed"));
    }

    private static BufferedImage redRectangleOnWhite(int w, int h) {
        BufferedImage source = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = source.createGraphics();
        g.setColor(new Color(245, 245, 245));
        g.fillRect(0, 0, w, h);
        g.setColor(new Color(200, 30, 40));
        g.fillRect(w * 3 / 10, h * 8 / 30, w * 2 / 5, h * 14 / 30);
        g.dispose();
        return source;
    }

    private static String upload(BufferedImage image) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        String url = hubs.stack().s3().publicBaseUrl(HubStack.BUCKET) + "/inputs/" + UUID.randomUUID() + ".png";
        Http.put(url, png.toByteArray(), "image/png");
        return url;
    }
}
