package com.sartiq.hub.processors.matting;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import static com.sartiq.hub.processors.matting.LanczosResamplerTest.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PngEncoderTest {

    @Test
    void usesTheMaskAsAlphaAndKeepsSourceColoursEvenAtSoftEdges() throws IOException {
        RgbImage image = new RgbImage(3, 1, bytes(200, 30, 40, 200, 30, 40, 200, 30, 40));
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(PngEncoder.cutout(image, bytes(255, 64, 0))));
        assertEquals(0xffc81e28, png.getRGB(0, 0));
        assertEquals(0x40c81e28, png.getRGB(1, 0)); // rembg would store (50, 8, 10) here
        assertEquals(0x00c81e28, png.getRGB(2, 0));
    }

    @Test
    void refusesAMaskOfAnotherSize() {
        RgbImage image = new RgbImage(2, 1, new byte[6]);
        assertThrows(IllegalArgumentException.class, () -> PngEncoder.cutout(image, new byte[3]));
    }
}
