package com.sartiq.hub.backend.media;

import java.util.Optional;

/**
 * The image formats we accept, recognised from their first bytes (the declared content type and
 * the file name are the client's word; the bytes are not).
 */
public enum ImageType {
    JPEG("jpg", "image/jpeg"),
    PNG("png", "image/png"),
    GIF("gif", "image/gif"),
    WEBP("webp", "image/webp"),
    AVIF("avif", "image/avif"),
    HEIC("heic", "image/heic"),
    TIFF("tiff", "image/tiff"),
    BMP("bmp", "image/bmp");

    /** Bytes needed to tell every format apart. */
    public static final int SNIFF_BYTES = 32;

    private final String extension;
    private final String mimeType;

    ImageType(String extension, String mimeType) {
        this.extension = extension;
        this.mimeType = mimeType;
    }

    public String extension() {
        return extension;
    }

    public String mimeType() {
        return mimeType;
    }

    public static Optional<ImageType> sniff(byte[] head) {
        if (head == null) {
            return Optional.empty();
        }
        if (starts(head, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (starts(head, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (ascii(head, 0, "GIF87a") || ascii(head, 0, "GIF89a")) {
            return Optional.of(GIF);
        }
        if (ascii(head, 0, "RIFF") && ascii(head, 8, "WEBP")) {
            return Optional.of(WEBP);
        }
        if (ascii(head, 4, "ftyp")) {
            String brand = head.length >= 12 ? new String(head, 8, 4, java.nio.charset.StandardCharsets.US_ASCII) : "";
            if (brand.equals("avif") || brand.equals("avis")) {
                return Optional.of(AVIF);
            }
            if (brand.equals("heic") || brand.equals("heix") || brand.equals("mif1") || brand.equals("msf1")) {
                return Optional.of(HEIC);
            }
            return Optional.empty();
        }
        if (starts(head, 0, 'I', 'I', 0x2A, 0x00) || starts(head, 0, 'M', 'M', 0x00, 0x2A)) {
            return Optional.of(TIFF);
        }
        if (ascii(head, 0, "BM") && head.length >= 14) {
            return Optional.of(BMP);
        }
        return Optional.empty();
    }

    private static boolean starts(byte[] bytes, int offset, int... expected) {
        if (bytes.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((bytes[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean ascii(byte[] bytes, int offset, String text) {
        return starts(bytes, offset, text.chars().toArray());
    }
}
