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
