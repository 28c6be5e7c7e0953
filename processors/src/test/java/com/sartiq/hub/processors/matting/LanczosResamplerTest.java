package com.sartiq.hub.processors.matting;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Expected values marked "Pillow 9.4" were produced by {@code Image.resize(size, Image.LANCZOS)}; the port
 * also matched Pillow byte for byte on 120 random L and RGB cases (1×1 to 1000×750, up and down).
 */
class LanczosResamplerTest {

    @Test
    void averagesTwoPixelsIntoOneWithRoundHalfUp() {
        // 2 → 1: centre 1.0, both taps at ±0.25·(1/scale 2) from it, so each weighs exactly 0.5 = 2^21.
        // sum = 2^21 (rounding half) + 2^21·(a + b), >> 22  →  floor((a + b + 1) / 2)
        assertArrayEquals(bytes(128), resizeRow(bytes(0, 255), 1));
        assertArrayEquals(bytes(127), resizeRow(bytes(0, 254), 1));
        assertArrayEquals(bytes(15), resizeRow(bytes(10, 20), 1));
    }

    @Test
    void downscalesAStepEdgeLikePillow() {
        byte[] step = bytes(0, 0, 0, 0, 255, 255, 255, 255);
        assertArrayEquals(bytes(0, 127, 255), resizeRow(step, 3)); // Pillow 9.4
        assertArrayEquals(bytes(0, 13, 242, 255), resizeRow(step, 4)); // Pillow 9.4
    }

    @Test
    void upscalesAStepEdgeWithPillowsRingingClippedToBytes() {
        byte[] step = bytes(0, 0, 0, 0, 255, 255, 255, 255);
        assertArrayEquals(bytes(0, 0, 0, 2, 8, 0, 0, 54, 201, 255, 255, 247, 253, 255, 255, 255), // Pillow 9.4
                resizeRow(step, 16));
    }

    @Test
    void resizesInterleavedRgbInBothDirectionsLikePillow() {
        byte[] rgb = bytes(139, 74, 229, 241, 169, 65, 6, 160, 149, 106, 38, 175, 188, 205, 175,
                229, 98, 249, 10, 148, 95, 86, 147, 198, 66, 39, 106, 213, 171, 45,
                167, 57, 69, 81, 55, 14, 153, 178, 215, 76, 52, 39, 250, 72, 215,
                50, 161, 223, 112, 172, 161, 233, 38, 17, 89, 1, 221, 6, 242, 127); // 5×4
        assertArrayEquals(bytes(166, 112, 151, 56, 131, 139, 164, 110, 128, 104, 119, 127, 136, 85, 111, 114, 98, 144), // Pillow 9.4
                LanczosResampler.resize(rgb, 5, 4, 3, 3, 2));
        byte[] enlarged = LanczosResampler.resize(rgb, 5, 4, 3, 7, 6);
        assertArrayEquals(bytes(112, 62, 238, 232, 120, 127, 209, 192, 56, 1, 162, 145, 51, 44, 177, 164, 103, 187, 190, 221, 192), // Pillow 9.4, first row
                Arrays.copyOf(enlarged, 21));
    }

    @Test
    void keepsAConstantImageConstantAtAnySize() {
        byte[] grey = new byte[37 * 23 * 3];
        Arrays.fill(grey, (byte) 173);
        for (int[] size : new int[][] {{320, 320}, {5, 3}, {1, 1}, {100, 7}}) {
            byte[] out = LanczosResampler.resize(grey, 37, 23, 3, size[0], size[1]);
            byte[] expected = new byte[size[0] * size[1] * 3];
            Arrays.fill(expected, (byte) 173);
            assertArrayEquals(expected, out, size[0] + "x" + size[1]);
        }
    }

    @Test
    void returnsACopyWhenTheSizeIsUnchanged() {
        byte[] image = bytes(1, 2, 3, 4, 5, 6);
        byte[] out = LanczosResampler.resize(image, 3, 2, 1, 3, 2);
        assertArrayEquals(image, out);
        assertNotSame(image, out);
    }

    @Test
    void leavesAnAxisWhoseSizeIsUnchangedAlone() {
        // two rows, each a step: only the horizontal pass runs, rows stay independent
        byte[] rows = bytes(0, 0, 0, 0, 255, 255, 255, 255,
                255, 255, 255, 255, 0, 0, 0, 0);
        assertArrayEquals(bytes(0, 127, 255, 255, 127, 0), LanczosResampler.resize(rows, 8, 2, 1, 3, 2));
    }

    @Test
    void refusesSamplesThatDoNotMatchTheSize() {
        assertThrows(IllegalArgumentException.class, () -> LanczosResampler.resize(new byte[5], 2, 1, 3, 4, 4));
        assertThrows(IllegalArgumentException.class, () -> LanczosResampler.resize(new byte[6], 2, 1, 3, 0, 4));
    }

    private static byte[] resizeRow(byte[] row, int newWidth) {
        return LanczosResampler.resize(row, row.length, 1, 1, newWidth, 1);
    }

    static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }
}
