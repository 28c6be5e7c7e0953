package com.sartiq.hub.processors.matting;

import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The source pixels as an RGBA PNG whose alpha is the mask.
 *
 * <p>The colours are the source's, untouched. rembg's default cut-out ({@code Image.composite} onto
 * transparent black) instead stores {@code round(rgb · alpha / 255)}, darkening soft edges towards black
 * in a straight-alpha PNG, which shows as a dark fringe once composited. We deliberately keep source colours
 * (rembg's {@code putalpha} variant), so only the alpha channel is rembg's.
 */
final class PngCutout {

    private PngCutout() {
    }

    static byte[] encode(RgbImage image, byte[] alpha) {
        int pixels = image.width() * image.height();
        if (alpha.length != pixels) {
            throw new IllegalArgumentException("mask has " + alpha.length + " values for " + pixels + " pixels");
        }
        BufferedImage cutout = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_4BYTE_ABGR);
        byte[] abgr = ((DataBufferByte) cutout.getRaster().getDataBuffer()).getData();
        byte[] rgb = image.pixels();
        for (int i = 0; i < pixels; i++) {
            abgr[i * 4] = alpha[i];
            abgr[i * 4 + 1] = rgb[i * 3 + 2];
            abgr[i * 4 + 2] = rgb[i * 3 + 1];
            abgr[i * 4 + 3] = rgb[i * 3];
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        // A memory cache: ImageIO's default stream would spool the output through a temporary file.
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(png)) {
            ImageIO.write(cutout, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding to memory failed", e);
        }
        return png.toByteArray();
    }
}
