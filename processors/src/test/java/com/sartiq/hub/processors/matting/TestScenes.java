package com.sartiq.hub.processors.matting;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Polygon;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Subjects of known shape painted on backgrounds, so the expected mask is exact. */
final class TestScenes {

    private TestScenes() {
    }

    /** A picture and its truth: 255 where the subject is, 0 elsewhere. */
    record Scene(String name, BufferedImage picture, byte[] expectedMask) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Scene scene(String name, int width, int height, Paint background, Color subject, Shape shape) {
        BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = picture.createGraphics();
        g.setPaint(background);
        g.fillRect(0, 0, width, height);
        g.setColor(subject);
        g.fill(shape);
        g.dispose();
        BufferedImage truth = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D t = truth.createGraphics();
        t.setColor(Color.WHITE);
        t.fill(shape);
        t.dispose();
        return new Scene(name, picture, ((DataBufferByte) truth.getRaster().getDataBuffer()).getData());
    }

    static Shape rectangle(int width, int height) {
        return new Rectangle2D.Double(width * 0.3, height * 0.25, width * 0.4, height * 0.5);
    }

    static Shape ellipse(int width, int height) {
        return new Ellipse2D.Double(width * 0.2, height * 0.2, width * 0.6, height * 0.6);
    }

    /** A T-shirt outline: body, two sleeves and a neckline, in the middle two thirds of the frame. */
    static Shape tShirt(int width, int height) {
        double[][] outline = {
                {0.38, 0.15}, {0.45, 0.15}, {0.50, 0.22}, {0.55, 0.15}, {0.62, 0.15}, // neckline
                {0.82, 0.28}, {0.75, 0.40}, {0.68, 0.35},                             // right sleeve
                {0.68, 0.85}, {0.32, 0.85},                                           // hem
                {0.32, 0.35}, {0.25, 0.40}, {0.18, 0.28}};                            // left sleeve
        Polygon polygon = new Polygon();
        for (double[] point : outline) {
            polygon.addPoint((int) Math.round(point[0] * width), (int) Math.round(point[1] * height));
        }
        return polygon;
    }

    /** A studio backdrop that is not quite plain: lighter at the top than at the bottom. */
    static Paint softGradient(int height) {
        return new GradientPaint(0, 0, new Color(236, 236, 232), 0, height, new Color(200, 200, 196));
    }

    /**
     * A fabric- or paper-like backdrop: a 24-pixel tile of ±{@code amplitude} noise around {@code base} with faint
     * diagonal weave lines, repeated.
     */
    static Paint texture(Color base, int amplitude, long seed) {
        BufferedImage tile = new BufferedImage(24, 24, BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(seed);
        for (int y = 0; y < 24; y++) {
            for (int x = 0; x < 24; x++) {
                int n = random.nextInt(2 * amplitude + 1) - amplitude + ((x + y) % 6 == 0 ? -amplitude / 2 : 0);
                tile.setRGB(x, y, new Color(clamp(base.getRed() + n), clamp(base.getGreen() + n), clamp(base.getBlue() + n)).getRGB());
            }
        }
        return new java.awt.TexturePaint(tile, new Rectangle2D.Double(0, 0, 24, 24));
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    static byte[] png(BufferedImage image) {
        return encode(image, "png");
    }

    static byte[] jpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam quality = writer.getDefaultWriteParam();
        quality.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        quality.setCompressionQuality(0.85f);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), quality);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, bytes)) {
                throw new IllegalStateException("no " + format + " writer for " + image);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
