package com.sartiq.hub.processors.matting;

import org.junit.jupiter.api.Test;

import com.twelvemonkeys.imageio.color.ColorSpaces;

import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import java.awt.Color;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.CRC32;

import static com.sartiq.hub.processors.matting.LanczosResamplerTest.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageDecoderTest {

    @Test
    void decodesRgbPngSamplesAsStored() {
        BufferedImage picture = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        picture.setRGB(0, 0, 0x102030);
        picture.setRGB(1, 0, 0xfedcba);
        RgbImage image = ImageDecoder.decode(TestScenes.png(picture));
        assertEquals(2, image.width());
        assertEquals(1, image.height());
        assertArrayEquals(bytes(0x10, 0x20, 0x30, 0xfe, 0xdc, 0xba), image.pixels());
    }

    @Test
    void replicatesGreyWithoutBrighteningIt() {
        BufferedImage grey = new BufferedImage(3, 2, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSample(1, 1, 0, 100);
        RgbImage image = ImageDecoder.decode(TestScenes.png(grey));
        assertArrayEquals(bytes(100, 100, 100), Arrays.copyOfRange(image.pixels(), 12, 15));
        assertArrayEquals(bytes(0, 0, 0), Arrays.copyOfRange(image.pixels(), 0, 3));
    }

    @Test
    void keepsTheHighByteOfSixteenBitSamples() {
        BufferedImage grey16 = new BufferedImage(1, 1, BufferedImage.TYPE_USHORT_GRAY);
        grey16.getRaster().setSample(0, 0, 0, 0x80ff);
        assertArrayEquals(bytes(0x80, 0x80, 0x80), ImageDecoder.decode(TestScenes.png(grey16)).pixels());

        ComponentColorModel rgb16 = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB),
                false, false, Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        WritableRaster raster = rgb16.createCompatibleWritableRaster(1, 1);
        raster.setPixel(0, 0, new int[] {0x1234, 0xabcd, 0xff00});
        BufferedImage picture = new BufferedImage(rgb16, raster, false, null);
        assertArrayEquals(bytes(0x12, 0xab, 0xff), ImageDecoder.decode(TestScenes.png(picture)).pixels());
    }

    @Test
    void dropsAlphaButKeepsTheColoursUnderIt() {
        BufferedImage picture = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
        picture.setRGB(0, 0, 0x00c81e28); // fully transparent, colour (200, 30, 40)
        assertArrayEquals(bytes(200, 30, 40), ImageDecoder.decode(TestScenes.png(picture)).pixels());
    }

    @Test
    void expandsPalettes() {
        IndexColorModel palette = new IndexColorModel(8, 2, bytes(0, 200), bytes(0, 30), bytes(0, 40));
        BufferedImage picture = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_INDEXED, palette);
        picture.getRaster().setSample(1, 0, 0, 1);
        assertArrayEquals(bytes(0, 0, 0, 200, 30, 40), ImageDecoder.decode(TestScenes.encode(picture, "gif")).pixels());
    }

    @Test
    void decodesWebp() {
        // 8×6 lossless WebP made with Pillow: white, with a (200, 30, 40) block at x 2..5, y 1..4
        byte[] webp = Base64.getDecoder().decode("UklGRiQAAABXRUJQVlA4TBcAAAAvB0ABAA/wj/8n/z/lf/7jAcMT0f/wAAA=");
        RgbImage image = ImageDecoder.decode(webp);
        assertEquals(8, image.width());
        assertEquals(6, image.height());
        int inside = (2 * 8 + 3) * 3;
        assertArrayEquals(bytes(200, 30, 40), Arrays.copyOfRange(image.pixels(), inside, inside + 3));
        assertArrayEquals(bytes(255, 255, 255), Arrays.copyOfRange(image.pixels(), 0, 3));
    }

    @Test
    void refusesBytesThatAreNoImage() {
        InvalidImageException e = assertThrows(InvalidImageException.class,
                () -> ImageDecoder.decode("{\"not\": \"an image\"}".getBytes()));
        assertTrue(e.getMessage().contains("not a decodable image"), e.getMessage());
        assertThrows(InvalidImageException.class, () -> ImageDecoder.decode(new byte[0]));
    }

    @Test
    void refusesATruncatedImage() {
        byte[] png = TestScenes.png(new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB));
        InvalidImageException e = assertThrows(InvalidImageException.class,
                () -> ImageDecoder.decode(Arrays.copyOf(png, png.length / 2)));
        assertTrue(e.getMessage().contains("not a decodable image"), e.getMessage());
    }

    @Test
    void refusesImagesAbovePillowsPixelLimitBeforeDecodingThem() {
        byte[] png = TestScenes.png(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB));
        // IHDR starts at byte 8: length(4) "IHDR"(4) width(4) height(4) ...; its CRC covers type and data
        ByteBuffer header = ByteBuffer.wrap(png);
        header.putInt(16, 20_000).putInt(20, 20_000);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17);
        header.putInt(29, (int) crc.getValue());
        InvalidImageException e = assertThrows(InvalidImageException.class, () -> ImageDecoder.decode(png));
        assertTrue(e.getMessage().contains("too large"), e.getMessage());
    }

    @Test
    void convertsOtherColourModelsThroughSrgb() {
        BufferedImage packed = new BufferedImage(1, 1, BufferedImage.TYPE_USHORT_565_RGB);
        packed.setRGB(0, 0, new Color(255, 0, 255).getRGB());
        assertArrayEquals(bytes(255, 0, 255), ImageDecoder.decode(TestScenes.encode(packed, "bmp")).pixels());
    }

    @Test
    void decodesCmykJpegs() throws IOException {
        // A CMYK JPEG as print workflows make them (TwelveMonkeys writes the Adobe marker); the JDK's own reader
        // refuses these ("Unsupported Image Type").
        ColorSpace cmyk = ColorSpaces.getColorSpace(ColorSpaces.CS_GENERIC_CMYK);
        ComponentColorModel model = new ComponentColorModel(cmyk, false, false, Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
        WritableRaster raster = model.createCompatibleWritableRaster(16, 16);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                raster.setPixel(x, y, new int[] {0, 255, 255, 0}); // no cyan, full magenta and yellow, no black: red
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(jpeg)) {
            writer.setOutput(out);
            writer.write(new BufferedImage(model, raster, false, null));
        } finally {
            writer.dispose();
        }
        RgbImage image = ImageDecoder.decode(jpeg.toByteArray());
        assertEquals(16, image.width());
        int r = image.pixels()[0] & 0xff;
        int g = image.pixels()[1] & 0xff;
        int b = image.pixels()[2] & 0xff;
        assertTrue(r > 180 && g < 90 && b < 90, "red expected, got " + r + "," + g + "," + b);
    }
}
