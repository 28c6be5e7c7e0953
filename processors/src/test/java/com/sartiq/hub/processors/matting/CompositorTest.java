package com.sartiq.hub.processors.matting;

import org.junit.jupiter.api.Test;

import static com.sartiq.hub.processors.matting.LanczosResamplerTest.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class CompositorTest {

    @Test
    void blendsStraightColoursWithRounding() {
        RgbImage subject = new RgbImage(3, 1, bytes(200, 100, 0, 200, 100, 0, 200, 100, 0));
        RgbImage background = Compositor.solid(3, 1, 0x0000ff);
        RgbImage out = Compositor.over(subject, bytes(255, 128, 0), background);
        // a = 128: (200·128 + 0·127 + 127) / 255 = 100.89 → 100; blue (0·128 + 255·127 + 127) / 255 = 127.5 → 127
        assertArrayEquals(bytes(200, 100, 0, 100, 50, 127, 0, 0, 255), out.pixels());
    }

    @Test
    void coverCutsTheCentredWindowOfTheTargetsAspect() {
        // 6×2 background, columns numbered; covering 2×2 keeps columns 2..3 unscaled
        byte[] columns = new byte[6 * 2 * 3];
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 6; x++) {
                columns[(y * 6 + x) * 3] = (byte) (x * 10);
            }
        }
        RgbImage cover = Compositor.cover(new RgbImage(6, 2, columns), 2, 2);
        assertEquals(20, cover.pixels()[0]);
        assertEquals(30, cover.pixels()[3]);
        assertEquals(2, cover.width());
    }

    @Test
    void coverScalesToTheTargetSize() {
        RgbImage cover = Compositor.cover(Compositor.solid(10, 40, 0x123456), 300, 200);
        assertEquals(300, cover.width());
        assertEquals(200, cover.height());
        assertEquals(0x12, cover.pixels()[cover.pixels().length - 3] & 0xff);
    }

    @Test
    void cropBoxIsTheSubjectPlusMarginWithinTheImage() {
        byte[] mask = new byte[10 * 8];
        mask[3 * 10 + 4] = (byte) 200;
        mask[5 * 10 + 6] = 11;
        mask[7 * 10 + 9] = 10; // at the threshold: not subject
        assertEquals(new MattingResult.Region(4, 3, 3, 3), Crops.subjectBox(mask, 10, 8, 0));
        assertEquals(new MattingResult.Region(2, 1, 7, 7), Crops.subjectBox(mask, 10, 8, 2));
        assertEquals(new MattingResult.Region(0, 0, 10, 8), Crops.subjectBox(mask, 10, 8, 100));
        assertEquals(new MattingResult.Region(0, 0, 10, 8), Crops.subjectBox(new byte[80], 10, 8, 0), "no subject: no crop");
    }
}
