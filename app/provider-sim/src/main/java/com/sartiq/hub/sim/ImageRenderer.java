package com.sartiq.hub.sim;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;

/**
 * Draws a stand-in for a generated photo: a gradient backdrop, a floor band and a few shapes, all chosen by a
 * hash of (prompt, seed, index). No text and no antialiasing, so the bytes depend on nothing but the inputs.
 */
final class ImageRenderer {

    static {
        // Rendering must never reach for a display, also when the simulator runs inside a desktop JVM.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private ImageRenderer() {
    }

    static byte[] renderPng(String prompt, long seed, int index, int width, int height) {
        SplittableRandom random = new SplittableRandom(hash(prompt, seed, index));
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            Color top = color(random, 255);
            g.setPaint(new GradientPaint(0, 0, top, 0, height, top.darker()));
            g.fillRect(0, 0, width, height);

            int floorTop = height - height / 5;
            g.setColor(color(random, 255).darker().darker());
            g.fillRect(0, floorTop, width, height - floorTop);

            int shapes = 3 + random.nextInt(4);
            for (int i = 0; i < shapes; i++) {
                g.setColor(color(random, 160 + random.nextInt(96)));
                drawShape(g, random, width, height);
            }
        } finally {
            g.dispose();
        }
        return encode(image);
    }

    private static void drawShape(Graphics2D g, SplittableRandom random, int width, int height) {
        int w = Math.max(1, width / 8 + random.nextInt(Math.max(1, width / 3)));
        int h = Math.max(1, height / 8 + random.nextInt(Math.max(1, height / 3)));
        int x = random.nextInt(Math.max(1, width - w / 2)) - w / 4;
        int y = random.nextInt(Math.max(1, height - h / 2)) - h / 4;
        switch (random.nextInt(3)) {
            case 0 -> g.fillOval(x, y, w, h);
            case 1 -> g.fillRoundRect(x, y, w, h, w / 4, h / 4);
            default -> g.fillPolygon(new Polygon(new int[] {x, x + w / 2, x + w}, new int[] {y + h, y, y + h}, 3));
        }
    }

    private static Color color(SplittableRandom random, int alpha) {
        return new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256), alpha);
    }

    private static long hash(String prompt, long seed, int index) {
        byte[] digest = GenerationParams.sha256(prompt + '\n' + seed + '\n' + index);
        return ByteBuffer.wrap(digest).getLong();
    }

    private static byte[] encode(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer available");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
