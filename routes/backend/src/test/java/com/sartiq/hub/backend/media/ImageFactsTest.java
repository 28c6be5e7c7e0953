package com.sartiq.hub.backend.media;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageFactsTest {

    @Test
    void aLargeImageGetsAThumbnailOnItsLongerSideAndItsSizeAndColour() throws IOException {
        ImageFacts.Facts facts = ImageFacts.of(png(1200, 800, new Color(200, 10, 10)), 512, 100_000_000);
        assertEquals(1200, facts.width());
        assertEquals(800, facts.height());
        assertEquals(512, facts.thumbnailWidth());
        assertEquals(341, facts.thumbnailHeight());
        BufferedImage thumb = ImageIO.read(new ByteArrayInputStream(facts.thumbnail()));
        assertEquals(512, thumb.getWidth(), "a JPEG of the thumbnail's size");
        int red = (facts.dominantColor().length() == 7) ? Integer.parseInt(facts.dominantColor().substring(1, 3), 16) : -1;
        assertTrue(Math.abs(red - 200) <= 3, facts.dominantColor());
    }

    @Test
    void aSmallImageIsNeverEnlarged() throws IOException {
        ImageFacts.Facts facts = ImageFacts.of(png(64, 48, Color.BLUE), 512, 100_000_000);
        assertEquals(64, facts.thumbnailWidth());
        assertEquals(48, facts.thumbnailHeight());
        assertEquals("#0000ff", facts.dominantColor());
    }

    @Test
    void tooManyPixelsOrNoImageAreRefusedBeforeDecoding() {
        assertThrows(IOException.class, () -> ImageFacts.of(png(100, 100, Color.GREEN), 512, 9_999));
        assertThrows(IOException.class, () -> ImageFacts.of("not an image".getBytes(), 512, 100_000_000));
    }

    private static byte[] png(int width, int height, Color color) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
