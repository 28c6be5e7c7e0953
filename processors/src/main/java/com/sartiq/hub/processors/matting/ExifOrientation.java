package com.sartiq.hub.processors.matting;

import com.twelvemonkeys.imageio.metadata.CompoundDirectory;
import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;

import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The EXIF orientation tag of JPEG (APP1), PNG ({@code eXIf}) and WebP ({@code EXIF}) files, and Pillow's
 * {@code ImageOps.exif_transpose} for it: phones store pictures sideways and say so in this tag, and rembg
 * turns the picture upright before matting. Missing or unreadable metadata means "upright" (1), as in Pillow.
 */
final class ExifOrientation {

    private static final byte[] EXIF_HEADER = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);

    private ExifOrientation() {
    }

    /** The orientation (1–8) the file declares, 1 when it declares none or an invalid one. */
    static int of(byte[] file) {
        try {
            byte[] tiff = tiffBlock(file);
            if (tiff == null) {
                return 1;
            }
            try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(tiff))) {
                Directory directory = new TIFFReader().read(in);
                // IFD0 describes the image; IFD1 is the thumbnail's
                if (directory instanceof CompoundDirectory compound && compound.directoryCount() > 0) {
                    directory = compound.getDirectory(0);
                }
                Entry entry = directory.getEntryById(TIFF.TAG_ORIENTATION);
                int value = entry != null && entry.getValue() instanceof Number n ? n.intValue() : 1;
                return value >= 1 && value <= 8 ? value : 1;
            }
        } catch (IOException | RuntimeException e) {
            // Broken metadata must not lose the picture: Pillow ignores it too.
            return 1;
        }
    }

    /** The TIFF structure holding the EXIF tags, or null when the container carries none. */
    static byte[] tiffBlock(byte[] file) {
        ByteBuffer b = ByteBuffer.wrap(file);
        if (file.length > 4 && (file[0] & 0xff) == 0xFF && (file[1] & 0xff) == 0xD8) {
            return jpeg(b);
        }
        if (file.length > 8 && Arrays.equals(Arrays.copyOf(file, 8), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})) {
            return png(b);
        }
        if (file.length > 12 && startsWith(file, 0, "RIFF") && startsWith(file, 8, "WEBP")) {
            return webp(b);
        }
        return null;
    }

    private static byte[] jpeg(ByteBuffer b) {
        int pos = 2;
        while (pos + 4 <= b.limit()) {
            if ((b.get(pos) & 0xff) != 0xFF) {
                return null;
            }
            int marker = b.get(pos + 1) & 0xff;
            if (marker == 0xD8 || marker == 0x01 || marker >= 0xD0 && marker <= 0xD7) {
                pos += 2;
                continue;
            }
            if (marker == 0xDA || marker == 0xD9) {
                return null; // start of scan: metadata segments come before it
            }
            int length = b.getShort(pos + 2) & 0xffff;
            int data = pos + 4;
            if (marker == 0xE1 && length - 2 >= EXIF_HEADER.length && data + length - 2 <= b.limit()
                    && startsWith(b.array(), data, EXIF_HEADER)) {
                return Arrays.copyOfRange(b.array(), data + EXIF_HEADER.length, data + length - 2);
            }
            pos += 2 + length;
        }
        return null;
    }

    private static byte[] png(ByteBuffer b) {
        int pos = 8;
        while (pos + 12 <= b.limit()) {
            long length = b.getInt(pos) & 0xffffffffL;
            if (pos + 12 + length > b.limit()) {
                return null;
            }
            if (startsWith(b.array(), pos + 4, "eXIf")) {
                return withoutExifHeader(Arrays.copyOfRange(b.array(), pos + 8, pos + 8 + (int) length));
            }
            if (startsWith(b.array(), pos + 4, "IEND")) {
                return null;
            }
            pos += 12 + (int) length;
        }
        return null;
    }

    private static byte[] webp(ByteBuffer b) {
        b.order(ByteOrder.LITTLE_ENDIAN);
        int pos = 12;
        while (pos + 8 <= b.limit()) {
            long length = b.getInt(pos + 4) & 0xffffffffL;
            if (pos + 8 + length > b.limit()) {
                return null;
            }
            if (startsWith(b.array(), pos, "EXIF")) {
                return withoutExifHeader(Arrays.copyOfRange(b.array(), pos + 8, pos + 8 + (int) length));
            }
            pos += 8 + (int) (length + (length & 1)); // chunks are padded to an even size
        }
        return null;
    }

    /** Some writers put JPEG's "Exif\0\0" before the TIFF block in PNG and WebP too. */
    private static byte[] withoutExifHeader(byte[] block) {
        return startsWith(block, 0, EXIF_HEADER) ? Arrays.copyOfRange(block, EXIF_HEADER.length, block.length) : block;
    }

    private static boolean startsWith(byte[] data, int offset, String ascii) {
        return startsWith(data, offset, ascii.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static boolean startsWith(byte[] data, int offset, byte[] prefix) {
        return offset >= 0 && offset + prefix.length <= data.length
                && Arrays.equals(data, offset, offset + prefix.length, prefix, 0, prefix.length);
    }

    /**
     * The upright image for {@code orientation}, as Pillow's {@code exif_transpose}: 2 mirror, 3 rotate 180°,
     * 4 flip, 5 transpose, 6 rotate 90° clockwise, 7 transverse, 8 rotate 90° counter-clockwise.
     */
    static RgbImage apply(RgbImage image, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return image;
        }
        int w = image.width();
        int h = image.height();
        boolean swap = orientation >= 5;
        int outW = swap ? h : w;
        int outH = swap ? w : h;
        byte[] src = image.pixels();
        byte[] out = new byte[src.length];
        for (int y = 0; y < outH; y++) {
            for (int x = 0; x < outW; x++) {
                int sx;
                int sy;
                switch (orientation) {
                    case 2 -> { sx = w - 1 - x; sy = y; }
                    case 3 -> { sx = w - 1 - x; sy = h - 1 - y; }
                    case 4 -> { sx = x; sy = h - 1 - y; }
                    case 5 -> { sx = y; sy = x; }
                    case 6 -> { sx = y; sy = h - 1 - x; }
                    case 7 -> { sx = w - 1 - y; sy = h - 1 - x; }
                    default -> { sx = w - 1 - y; sy = x; }
                }
                int s = (sy * w + sx) * 3;
                int t = (y * outW + x) * 3;
                out[t] = src[s];
                out[t + 1] = src[s + 1];
                out[t + 2] = src[s + 2];
            }
        }
        return new RgbImage(outW, outH, out);
    }
}
