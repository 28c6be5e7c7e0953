package com.sartiq.hub.processors.matting;

/**
 * Edge refinement of a mask, alpha-matting style but cheap. First a trimap by erosion, with rembg's
 * alpha-matting thresholds: sure subject where the mask is ≥ 240 and stays so within the radius, sure
 * background where it is ≤ 10 likewise, unknown in between. Then, for each unknown pixel, the local subject
 * colour F and background colour B are the mean colours of the sure pixels of either kind nearby, and alpha
 * is where the pixel's colour C lies between them: {@code (C − B)·(F − B) / |F − B|²}, clamped to [0, 1]
 * (the colour-line model of Bayesian and closed-form matting, with one colour pair per neighbourhood).
 * Where F and B look alike the colours say little, so the result leans back on the model's mask, fully so
 * when they differ by less than {@link #CONFIDENT_DISTANCE}. Sure regions keep their exact values.
 *
 * <p>Why: U2NET's mask comes from a 320² map scaled up, so at full size its edges are a blur several pixels
 * wide; with a subject that differs in colour from its surroundings this recovers a sharp, correctly placed
 * edge. rembg's {@code alpha_matting} (closed-form matting, pymatting) does the same job better on hair and
 * far slower.
 */
final class EdgeRefiner {

    static final int FOREGROUND = 240;
    static final int BACKGROUND = 10;
    /** Distance between F and B (RGB in [0, 1], Euclidean) from which the colour estimate is fully trusted. */
    static final float CONFIDENT_DISTANCE = 0.15f;

    private EdgeRefiner() {
    }

    /**
     * Erosion radius: the width of the blur that scaling the model's {@code modelSize}² map up to the image
     * leaves (Lanczos reaches 3 map pixels to each side), at least 2.
     */
    static int radius(int width, int height, int modelSize) {
        return Math.max(2, (int) Math.ceil(3.0 * Math.max(width, height) / modelSize));
    }

    static byte[] refine(RgbImage image, byte[] mask, int r) {
        int w = image.width();
        int h = image.height();
        int n = w * h;
        byte[] sureSubject = erode(threshold(mask, FOREGROUND, true), w, h, r);
        byte[] sureBackground = erode(threshold(mask, BACKGROUND, false), w, h, r);
        // the colour window must reach from the middle of the unknown band (up to ~2r wide) into sure ground
        int window = 2 * r + 1;
        byte[] rgb = image.pixels();
        float[][] subject = new float[4][];
        float[][] background = new float[4][];
        for (int kind = 0; kind < 2; kind++) {
            byte[] sure = kind == 0 ? sureSubject : sureBackground;
            float[][] means = kind == 0 ? subject : background;
            float[] weight = new float[n];
            for (int i = 0; i < n; i++) {
                weight[i] = sure[i];
            }
            means[3] = boxMean(weight, w, h, window);
            for (int c = 0; c < 3; c++) {
                float[] values = new float[n];
                for (int i = 0; i < n; i++) {
                    values[i] = sure[i] == 0 ? 0f : (rgb[i * 3 + c] & 0xff) / 255f;
                }
                means[c] = boxMean(values, w, h, window);
            }
        }
        byte[] out = mask.clone();
        float confident = CONFIDENT_DISTANCE * CONFIDENT_DISTANCE;
        for (int i = 0; i < n; i++) {
            if (sureSubject[i] != 0 || sureBackground[i] != 0 || subject[3][i] == 0f || background[3][i] == 0f) {
                continue; // sure, or no sure ground of one kind nearby: keep the model's value
            }
            float dot = 0f;
            float distance = 0f;
            for (int c = 0; c < 3; c++) {
                float f = subject[c][i] / subject[3][i];
                float b = background[c][i] / background[3][i];
                float d = f - b;
                dot += ((rgb[i * 3 + c] & 0xff) / 255f - b) * d;
                distance += d * d;
            }
            if (distance == 0f) {
                continue;
            }
            float fromColour = Math.min(1f, Math.max(0f, dot / distance));
            float trust = Math.min(1f, distance / confident);
            float alpha = trust * fromColour + (1f - trust) * (mask[i] & 0xff) / 255f;
            out[i] = (byte) Math.round(alpha * 255f);
        }
        return out;
    }

    /** 1 where the mask is ≥ {@code level} (above) or ≤ {@code level} (not above). */
    private static byte[] threshold(byte[] mask, int level, boolean above) {
        byte[] out = new byte[mask.length];
        for (int i = 0; i < mask.length; i++) {
            int v = mask[i] & 0xff;
            out[i] = (byte) ((above ? v >= level : v <= level) ? 1 : 0);
        }
        return out;
    }

    /** Binary erosion with a (2r+1)² square, separable; outside the image counts as set. */
    static byte[] erode(byte[] set, int w, int h, int r) {
        byte[] horizontal = new byte[set.length];
        for (int y = 0; y < h; y++) {
            int row = y * w;
            int lastUnset = Integer.MIN_VALUE / 2;
            // distance to the nearest unset pixel on the left, then check the right with a second pass
            int[] left = new int[w];
            for (int x = 0; x < w; x++) {
                if (set[row + x] == 0) {
                    lastUnset = x;
                }
                left[x] = x - lastUnset;
            }
            int nextUnset = Integer.MAX_VALUE / 2;
            for (int x = w - 1; x >= 0; x--) {
                if (set[row + x] == 0) {
                    nextUnset = x;
                }
                horizontal[row + x] = (byte) (left[x] > r && nextUnset - x > r ? 1 : 0);
            }
        }
        byte[] out = new byte[set.length];
        int[] up = new int[h];
        for (int x = 0; x < w; x++) {
            int lastUnset = Integer.MIN_VALUE / 2;
            for (int y = 0; y < h; y++) {
                if (horizontal[y * w + x] == 0) {
                    lastUnset = y;
                }
                up[y] = y - lastUnset;
            }
            int nextUnset = Integer.MAX_VALUE / 2;
            for (int y = h - 1; y >= 0; y--) {
                if (horizontal[y * w + x] == 0) {
                    nextUnset = y;
                }
                out[y * w + x] = (byte) (up[y] > r && nextUnset - y > r ? 1 : 0);
            }
        }
        return out;
    }

    /** Mean over the (2r+1)² window clipped to the image, via running sums: O(pixels) whatever the radius. */
    static float[] boxMean(float[] values, int w, int h, int r) {
        double[] columnSums = new double[w];
        float[] horizontal = new float[values.length];
        // horizontal running sums
        for (int y = 0; y < h; y++) {
            int row = y * w;
            double sum = 0;
            for (int x = 0; x <= Math.min(r, w - 1); x++) {
                sum += values[row + x];
            }
            for (int x = 0; x < w; x++) {
                horizontal[row + x] = (float) sum;
                int add = x + r + 1;
                int drop = x - r;
                if (add < w) {
                    sum += values[row + add];
                }
                if (drop >= 0) {
                    sum -= values[row + drop];
                }
            }
        }
        float[] out = new float[values.length];
        for (int x = 0; x < w; x++) {
            double sum = 0;
            for (int y = 0; y <= Math.min(r, h - 1); y++) {
                sum += horizontal[y * w + x];
            }
            columnSums[x] = sum;
        }
        for (int y = 0; y < h; y++) {
            int rows = Math.min(h - 1, y + r) - Math.max(0, y - r) + 1;
            for (int x = 0; x < w; x++) {
                int cols = Math.min(w - 1, x + r) - Math.max(0, x - r) + 1;
                out[y * w + x] = (float) (columnSums[x] / (rows * cols));
                int add = y + r + 1;
                int drop = y - r;
                if (add < h) {
                    columnSums[x] += horizontal[add * w + x];
                }
                if (drop >= 0) {
                    columnSums[x] -= horizontal[drop * w + x];
                }
            }
        }
        return out;
    }
}
