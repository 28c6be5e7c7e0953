package com.sartiq.hub.processors.matting;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EdgeRefinerTest {

    @Test
    void snapsABlurryMaskToTheSharpEdgeOfThePicture() {
        // a dark square on a light background, and a mask that is the true one blurred over ±6 pixels
        int w = 200;
        int h = 200;
        byte[] rgb = new byte[w * h * 3];
        byte[] truth = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean subject = x >= 60 && x < 140 && y >= 60 && y < 140;
                int v = subject ? 40 : 220;
                rgb[(y * w + x) * 3] = (byte) v;
                rgb[(y * w + x) * 3 + 1] = (byte) v;
                rgb[(y * w + x) * 3 + 2] = (byte) v;
                truth[y * w + x] = (byte) (subject ? 255 : 0);
            }
        }
        byte[] blurry = blur(truth, w, h, 6);
        byte[] refined = EdgeRefiner.refine(new RgbImage(w, h, rgb), blurry, 8);
        double before = meanAbsoluteError(blurry, truth);
        double after = meanAbsoluteError(refined, truth);
        assertTrue(after < before / 2, "error before " + before + ", after " + after);
    }

    @Test
    void leavesSureSubjectAndSureBackgroundUntouched() {
        int w = 120;
        int h = 120;
        byte[] rgb = new byte[w * h * 3];
        new Random(3).nextBytes(rgb); // a guide full of edges: only the unknown band may change
        byte[] mask = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                mask[y * w + x] = (byte) (x < 40 ? 0 : x < 80 ? 3 * (x - 40) : 255);
            }
        }
        int r = EdgeRefiner.radius(w, h, 320);
        byte[] refined = EdgeRefiner.refine(new RgbImage(w, h, rgb), mask, r);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                // sure background: ≤ 10 and r pixels away from anything above; sure subject likewise for ≥ 240
                if (x < 40 + 4 - r - 1 || x > 80 + r) {
                    assertEquals(mask[y * w + x], refined[y * w + x], "at " + x + "," + y);
                }
            }
        }
    }

    @Test
    void radiusCoversTheBlurOfScalingTheModelsMapUp() {
        assertEquals(10, EdgeRefiner.radius(1024, 768, 320));
        assertEquals(3, EdgeRefiner.radius(1024, 1024, 1024));
        assertEquals(2, EdgeRefiner.radius(100, 50, 320));
    }

    @Test
    void boxMeanAveragesTheWindowClippedToTheImage() {
        float[] values = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        float[] mean = EdgeRefiner.boxMean(values, 4, 3, 1);
        // (0,0): window x 0..1, y 0..1 → 1, 2, 5, 6
        assertEquals(3.5f, mean[0], 1e-6);
        // (1,1): x 0..2, y 0..2 → 1 2 3 5 6 7 9 10 11
        assertEquals(6f, mean[5], 1e-6);
        // (3,2): x 2..3, y 1..2 → 7 8 11 12
        assertEquals(9.5f, mean[11], 1e-6);
    }

    @Test
    void erosionShrinksBySquares() {
        byte[] set = new byte[7 * 7];
        for (int y = 1; y < 6; y++) {
            for (int x = 1; x < 6; x++) {
                set[y * 7 + x] = 1;
            }
        }
        byte[] eroded = EdgeRefiner.erode(set, 7, 7, 1);
        byte[] expected = new byte[7 * 7];
        for (int y = 2; y < 5; y++) {
            for (int x = 2; x < 5; x++) {
                expected[y * 7 + x] = 1;
            }
        }
        assertArrayEquals(expected, eroded);
        byte[] full = new byte[9];
        java.util.Arrays.fill(full, (byte) 1);
        assertArrayEquals(full, EdgeRefiner.erode(full, 3, 3, 1), "outside the image counts as set");
    }

    private static byte[] blur(byte[] mask, int w, int h, int r) {
        float[] values = new float[mask.length];
        for (int i = 0; i < mask.length; i++) {
            values[i] = mask[i] & 0xff;
        }
        float[] mean = EdgeRefiner.boxMean(values, w, h, r);
        byte[] out = new byte[mask.length];
        for (int i = 0; i < mask.length; i++) {
            out[i] = (byte) Math.round(mean[i]);
        }
        return out;
    }

    private static double meanAbsoluteError(byte[] a, byte[] b) {
        long sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs((a[i] & 0xff) - (b[i] & 0xff));
        }
        return (double) sum / a.length;
    }
}
