package com.sartiq.hub.backend.media;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MediaInputsTest {

    private static final String CDN = "https://cdn.example.com/bucket";

    @Test
    void imageTypesAreRecognisedFromTheirFirstBytes() {
        assertEquals(Optional.of(ImageType.JPEG), ImageType.sniff(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}));
        assertEquals(Optional.of(ImageType.PNG), ImageType.sniff(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0}));
        assertEquals(Optional.of(ImageType.WEBP), ImageType.sniff("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(Optional.of(ImageType.AVIF), ImageType.sniff("\0\0\0\u001cftypavif".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(Optional.of(ImageType.GIF), ImageType.sniff("GIF89a....".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(Optional.empty(), ImageType.sniff("<html><body>".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(Optional.empty(), ImageType.sniff("\0\0\0\u001cftypmp42".getBytes(StandardCharsets.ISO_8859_1)), "a video is not an image");
        assertEquals(Optional.empty(), ImageType.sniff(new byte[0]));
    }

    @Test
    void onlyOurTempAndMediaUrlsAreAccepted() {
        assertEquals(MediaRef.Kind.TEMP, MediaRef.parse(CDN + "/temp/abc_1_a.png", CDN).orElseThrow().kind());
        MediaRef media = MediaRef.parse(CDN + "/media/0b7e1c52-3f7e-4a57-9b1a-7d7f3f1a2b3c/file.png", CDN).orElseThrow();
        assertEquals("0b7e1c52-3f7e-4a57-9b1a-7d7f3f1a2b3c", media.resourceId());
        assertTrue(MediaRef.parse("https://other.example.com/bucket/temp/a.png", CDN).isEmpty());
        assertTrue(MediaRef.parse(CDN + "/temp/../media/x", CDN).isEmpty());
        assertTrue(MediaRef.parse(CDN + "/temp/a%2F..%2Fb", CDN).isEmpty());
        assertTrue(MediaRef.parse(CDN + "/images/products/1/p.png", CDN).isEmpty());
        assertTrue(MediaRef.parse(CDN + "/media/not-a-uuid/file.png", CDN).isEmpty());
        assertTrue(MediaRef.parse(CDN + "/temp/a.png", "").isEmpty());
    }

    @Test
    void filenamesAreMadeSafeForKeys() {
        assertEquals("summer_dress_front_.png", Uploads.safeFilename("summer dress (front).png"));
        assertEquals("passwd", Uploads.safeFilename("../../etc/passwd"));
        assertEquals("robe_ete.jpg", Uploads.safeFilename("C:\\photos\\robe été.jpg"));
        assertEquals("file", Uploads.safeFilename("..."));
        assertEquals(100, Uploads.safeFilename("a".repeat(300) + ".png").length());
    }

    @Test
    void presignValidityGrowsWithSizeUpToACap() {
        MediaProperties props = new MediaProperties(null, null, null, null, null, null);
        assertEquals(900, props.expirySecondsFor(null));
        assertEquals(900 + 60, props.expirySecondsFor(10L * 1_048_576));
        assertEquals(3600, new MediaProperties(null, null, 100, null, null, null).expirySecondsFor(50L * 1_048_576));
    }
}
