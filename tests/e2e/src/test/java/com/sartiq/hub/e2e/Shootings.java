package com.sartiq.hub.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.sartiq.hub.localstack.LocalStack;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Fixtures of the shootings tests: catalog objects, shootings and looks made over HTTP in one organization. */
final class Shootings {

    private final LocalStack hubs;
    private final String token;
    private final String org;

    Shootings(LocalStack hubs, String token, String org) {
        this.hubs = hubs;
        this.token = token;
        this.org = org;
    }

    String api(String path) {
        return hubs.backendUrl() + "/api/v1" + path + (org == null ? "" : (path.contains("?") ? "&" : "?") + "organization_id=" + org);
    }

    /** POST under the organization; expects 201 and answers the body. */
    JsonNode create(String path, String body) {
        Http.Response created = Http.postJson(api(path), token, body);
        assertEquals(201, created.status(), path + ": " + created.body());
        return created.json();
    }

    String id(String path, String body) {
        return create(path, body).get("id").asText();
    }

    String shooting(String name) {
        return id("/shootings/", "{\"name\":\"" + name + "\",\"due_date\":\"2030-01-31T12:00:00Z\"}");
    }

    /** A look in two shot types with product, subject and style: answers the look. */
    JsonNode look(String shooting, String name, String product, String subject, String style, String... shotTypes) {
        return create("/shootings/" + shooting + "/looks", "{\"name\":\"" + name + "\",\"main_product_id\":\"" + product + "\",\"subject_id\":\""
                + subject + "\",\"style_id\":\"" + style + "\",\"shot_type_ids\":[\"" + String.join("\",\"", shotTypes) + "\"]}");
    }

    /** An uploaded PNG (presigned PUT into temp/): its file_url. */
    String upload(byte[] png) {
        return MediaTest.upload(hubs, token, "shot.png", "image/png", png);
    }

    /** A PNG of one colour with a square, distinct per colour. */
    static byte[] png(Color colour) {
        BufferedImage image = new BufferedImage(48, 32, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, 48, 32);
        g.setColor(Color.BLACK);
        g.fillRect(8, 8, 12, 12);
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
