package com.sartiq.hub.processors.matting;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Random;

import static com.sartiq.hub.processors.matting.LanczosResamplerTest.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PngEncoderTest {

    @Test
    void usesTheMaskAsAlphaAndKeepsSourceColoursEvenAtSoftEdges() throws IOException {
        RgbImage image = new RgbImage(3, 1, bytes(200, 30, 40, 200, 30, 40, 200, 30, 40));
        BufferedImage png = read(PngEncoder.cutout(image, bytes(255, 64, 0)));
        assertEquals(0xffc81e28, png.getRGB(0, 0));
        assertEquals(0x40c81e28, png.getRGB(1, 0)); // rembg would store (50, 8, 10) here
        assertEquals(0x00000000, png.getRGB(2, 0)); // invisible: transparent black, as rembg stores it
    }

    @Test
    void cutoutRoundTripsEverySampleThroughAStandardDecoder() throws IOException {
        Random random = new Random(1);
        int w = 37;
        int h = 23;
        byte[] rgb = new byte[w * h * 3];
        byte[] alpha = new byte[w * h];
        random.nextBytes(rgb);
        random.nextBytes(alpha);
        alpha[0] = 0;
        BufferedImage png = read(PngEncoder.cutout(new RgbImage(w, h, rgb), alpha));
        assertEquals(w, png.getWidth());
        assertEquals(h, png.getHeight());
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                int a = alpha[i] & 0xff;
                int expected = a == 0 ? 0 : a << 24 | (rgb[i * 3] & 0xff) << 16 | (rgb[i * 3 + 1] & 0xff) << 8 | rgb[i * 3 + 2] & 0xff;
                assertEquals(expected, png.getRGB(x, y), "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void maskIsAnEightBitGreyPngOfTheValues() throws IOException {
        byte[] mask = bytes(0, 1, 127, 128, 254, 255);
        BufferedImage png = read(PngEncoder.grey(mask, 3, 2));
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, png.getType());
        int[] samples = png.getRaster().getPixels(0, 0, 3, 2, (int[]) null);
        for (int i = 0; i < mask.length; i++) {
            assertEquals(mask[i] & 0xff, samples[i], "sample " + i);
        }
    }

    @Test
    void rgbIsOpaqueAndExact() throws IOException {
        RgbImage image = new RgbImage(2, 2, bytes(1, 2, 3, 250, 251, 252, 0, 0, 0, 255, 255, 255));
        BufferedImage png = read(PngEncoder.rgb(image));
        assertTrue(!png.getColorModel().hasAlpha());
        assertEquals(0xff010203, png.getRGB(0, 0));
        assertEquals(0xfffafbfc, png.getRGB(1, 0));
        assertEquals(0xff000000, png.getRGB(0, 1));
        assertEquals(0xffffffff, png.getRGB(1, 1));
    }

    @Test
    void refusesAMaskOfAnotherSize() {
        RgbImage image = new RgbImage(2, 1, new byte[6]);
        assertThrows(IllegalArgumentException.class, () -> PngEncoder.cutout(image, new byte[3]));
        assertThrows(IllegalArgumentException.class, () -> PngEncoder.grey(new byte[3], 2, 2));
    }

    private static BufferedImage read(byte[] png) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(png));
    }
}
