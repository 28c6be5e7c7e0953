package com.sartiq.hub.processors.matting;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The three outputs as PNG: RGBA cut-out, grey mask, RGB composite.
 *
 * <p>The cut-out's colours are the source's, untouched. rembg's default cut-out ({@code Image.composite} onto
 * transparent black) instead stores {@code round(rgb · alpha / 255)}, darkening soft edges towards black
 * in a straight-alpha PNG, which shows as a dark fringe once composited. We deliberately keep source colours
 * (rembg's {@code putalpha} variant), so only the alpha channel is rembg's.
 *
 * <p>Deflate runs at a fast level ({@link #COMPRESSION_QUALITY}): at ImageIO's default level encoding a
 * 1024² cut-out costs more than the model run of u2netp, for files only a few per cent smaller.
 */
final class PngEncoder {

    /** ImageIO's PNG writer maps quality q to deflate level {@code round(9·(1 − q))}: 0.9 → level 1. */
    static final float COMPRESSION_QUALITY = 0.9f;

    private PngEncoder() {
    }

    /** Source colours with {@code alpha} as the alpha channel. */
    static byte[] cutout(RgbImage image, byte[] alpha) {
        int pixels = checkSize(image.width(), image.height(), alpha);
        BufferedImage cutout = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_4BYTE_ABGR);
        byte[] abgr = ((DataBufferByte) cutout.getRaster().getDataBuffer()).getData();
        byte[] rgb = image.pixels();
        for (int i = 0; i < pixels; i++) {
            abgr[i * 4] = alpha[i];
            abgr[i * 4 + 1] = rgb[i * 3 + 2];
            abgr[i * 4 + 2] = rgb[i * 3 + 1];
            abgr[i * 4 + 3] = rgb[i * 3];
        }
        return write(cutout);
    }

    /** An 8-bit greyscale PNG of the mask. */
    static byte[] grey(byte[] mask, int width, int height) {
        checkSize(width, height, mask);
        BufferedImage grey = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        System.arraycopy(mask, 0, ((DataBufferByte) grey.getRaster().getDataBuffer()).getData(), 0, mask.length);
        return write(grey);
    }

    /** An opaque RGB PNG. */
    static byte[] rgb(RgbImage image) {
        BufferedImage rgb = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_3BYTE_BGR);
        byte[] bgr = ((DataBufferByte) rgb.getRaster().getDataBuffer()).getData();
        byte[] src = image.pixels();
        for (int i = 0; i < src.length; i += 3) {
            bgr[i] = src[i + 2];
            bgr[i + 1] = src[i + 1];
            bgr[i + 2] = src[i];
        }
        return write(rgb);
    }

    private static int checkSize(int width, int height, byte[] mask) {
        int pixels = width * height;
        if (mask.length != pixels) {
            throw new IllegalArgumentException("mask has " + mask.length + " values for " + pixels + " pixels");
        }
        return pixels;
    }

    private static byte[] write(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        // A memory cache: ImageIO's default stream would spool the output through a temporary file.
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(png)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(COMPRESSION_QUALITY);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding to memory failed", e);
        } finally {
            writer.dispose();
        }
        return png.toByteArray();
    }
}
