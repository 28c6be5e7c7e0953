package com.sartiq.hub.processors.matting;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExifOrientationTest {

    /**
     * A 3×2 image whose pixels are numbered 1..6 (in the red channel), row by row:
     * <pre>1 2 3
     * 4 5 6</pre>
     * and what Pillow's exif_transpose makes of it for each orientation (rows separated by '/').
     */
    @ParameterizedTest(name = "orientation {0}")
    @CsvSource({
            "1, 1 2 3/4 5 6",
            "2, 3 2 1/6 5 4",
            "3, 6 5 4/3 2 1",
            "4, 4 5 6/1 2 3",
            "5, 1 4/2 5/3 6",
            "6, 4 1/5 2/6 3",
            "7, 6 3/5 2/4 1",
            "8, 3 6/2 5/1 4"})
    void turnsThePictureUprightAsPillowDoes(int orientation, String expected) {
        byte[] pixels = new byte[18];
        for (int i = 0; i < 6; i++) {
            pixels[i * 3] = (byte) (i + 1);
        }
        RgbImage upright = ExifOrientation.apply(new RgbImage(3, 2, pixels), orientation);
        String[] rows = expected.split("/");
        assertEquals(rows.length, upright.height());
        for (int y = 0; y < rows.length; y++) {
            String[] values = rows[y].trim().split(" ");
            assertEquals(values.length, upright.width());
            for (int x = 0; x < values.length; x++) {
                assertEquals(Integer.parseInt(values[x]), upright.pixels()[(y * upright.width() + x) * 3], "at " + x + "," + y);
            }
        }
    }

    @Test
    void readsTheTagFromJpegPngAndWebpInBothByteOrders() {
        byte[] jpeg = TestScenes.jpeg(new BufferedImage(8, 4, BufferedImage.TYPE_3BYTE_BGR));
        assertEquals(6, ExifOrientation.of(withExif(jpeg, tiff(6, ByteOrder.BIG_ENDIAN))));
        assertEquals(8, ExifOrientation.of(withExif(jpeg, tiff(8, ByteOrder.LITTLE_ENDIAN))));
        byte[] png = TestScenes.png(new BufferedImage(8, 4, BufferedImage.TYPE_3BYTE_BGR));
        assertEquals(3, ExifOrientation.of(withExifChunk(png, tiff(3, ByteOrder.BIG_ENDIAN))));
        assertEquals(5, ExifOrientation.of(webpWithExif(tiff(5, ByteOrder.LITTLE_ENDIAN))));
    }

    @Test
    void noTagOrABrokenOneMeansUpright() {
        byte[] jpeg = TestScenes.jpeg(new BufferedImage(8, 4, BufferedImage.TYPE_3BYTE_BGR));
        assertEquals(1, ExifOrientation.of(jpeg));
        assertNull(ExifOrientation.tiffBlock(jpeg));
        assertEquals(1, ExifOrientation.of(withExif(jpeg, "MM\0*garbage".getBytes(StandardCharsets.ISO_8859_1))));
        assertEquals(1, ExifOrientation.of(withExif(jpeg, tiff(9, ByteOrder.BIG_ENDIAN))));
        assertEquals(1, ExifOrientation.of("not an image".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void aSidewaysPhoneJpegIsDecodedUpright() {
        // stored 8 wide × 4 high with the left half red; orientation 6 = rotate 90° clockwise to view
        BufferedImage stored = new BufferedImage(8, 4, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                stored.setRGB(x, y, 0xff0000);
            }
        }
        RgbImage upright = ImageDecoder.decode(withExif(TestScenes.jpeg(stored), tiff(6, ByteOrder.BIG_ENDIAN)));
        assertEquals(4, upright.width());
        assertEquals(8, upright.height());
        // the stored left half is now the top half
        assertTrue((upright.pixels()[(1 * 4 + 1) * 3] & 0xff) > 200, "top is red");
        assertTrue((upright.pixels()[(6 * 4 + 1) * 3] & 0xff) < 60, "bottom is black");
    }

    /** A minimal TIFF block: header and IFD0 with only the orientation tag (SHORT). */
    static byte[] tiff(int orientation, ByteOrder order) {
        ByteBuffer b = ByteBuffer.allocate(26).order(order);
        b.put(order == ByteOrder.BIG_ENDIAN ? (byte) 'M' : (byte) 'I').put(order == ByteOrder.BIG_ENDIAN ? (byte) 'M' : (byte) 'I');
        b.putShort((short) 42).putInt(8);
        b.putShort((short) 1); // one entry
        b.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        b.putInt(0); // no next IFD
        return b.array();
    }

    /** The JPEG with an APP1 Exif segment right after SOI. */
    static byte[] withExif(byte[] jpeg, byte[] tiff) {
        byte[] header = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
        int length = 2 + header.length + tiff.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length);
        out.writeBytes(header);
        out.writeBytes(tiff);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** The PNG with an eXIf chunk right after IHDR. */
    static byte[] withExifChunk(byte[] png, byte[] tiff) {
        int afterIhdr = 8 + 12 + 13;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, afterIhdr);
        out.writeBytes(chunk("eXIf", tiff, ByteOrder.BIG_ENDIAN, true));
        out.write(png, afterIhdr, png.length - afterIhdr);
        return out.toByteArray();
    }

    /** A RIFF/WEBP container with an odd-sized unknown chunk (padding) and an EXIF chunk; no image data needed. */
    static byte[] webpWithExif(byte[] tiff) {
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        chunks.writeBytes(chunk("XYZW", new byte[] {1, 2, 3}, ByteOrder.LITTLE_ENDIAN, false));
        chunks.write(0); // pad to even
        chunks.writeBytes(chunk("EXIF", tiff, ByteOrder.LITTLE_ENDIAN, false));
        byte[] body = chunks.toByteArray();
        ByteBuffer riff = ByteBuffer.allocate(12 + body.length).order(ByteOrder.LITTLE_ENDIAN);
        riff.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(4 + body.length).put("WEBP".getBytes(StandardCharsets.US_ASCII)).put(body);
        return riff.array();
    }

    private static byte[] chunk(String type, byte[] data, ByteOrder order, boolean png) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(8 + data.length + (png ? 4 : 0)).order(order);
        if (png) {
            b.putInt(data.length).put(name);
        } else {
            b.put(name).putInt(data.length);
        }
        b.put(data);
        if (png) {
            CRC32 crc = new CRC32();
            crc.update(name);
            crc.update(data);
            b.putInt((int) crc.getValue());
        }
        return Arrays.copyOf(b.array(), b.capacity());
    }
}
