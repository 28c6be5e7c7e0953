package com.sartiq.hub.processors.matting;

/**
 * Edge refinement of a mask, alpha-matting style but cheap: a trimap from the mask (sure subject where the mask
 * is ≥ 240 after an erosion, sure background where it is ≤ 10 after a dilation, unknown in between), then a
 * guided filter (He, Sun, Tang 2010) over the unknown band, with the image's luminance as guide. The filter
 * makes alpha a local linear function of brightness, so a soft or slightly misplaced mask edge snaps to the
 * picture's real edge. U2NET's mask comes from a 320² map scaled up, so its edges are a few pixels wide and
 * blurry at full size; this recovers some of that detail. Sure regions keep their exact values.
 *
 * <p>rembg's {@code alpha_matting} (closed-form matting, pymatting) does the same job better and far slower;
 * the thresholds here are rembg's defaults (foreground 240, background 10).
 */
final class EdgeRefiner {

    static final int FOREGROUND = 240;
    static final int BACKGROUND = 10;
    /** Regularisation of the guided filter in [0, 1]² luminance units: larger means smoother alpha. */
    static final double EPSILON = 1e-3;

    private EdgeRefiner() {
    }

    /** Filter radius for an image: about 1 % of the shorter side, at least 2 pixels. */
    static int radius(int width, int height) {
        return Math.max(2, Math.round(Math.min(width, height) / 100f));
    }

    static byte[] refine(RgbImage image, byte[] mask) {
        int w = image.width();
        int h = image.height();
        int r = radius(w, h);
        int n = w * h;
        float[] guide = new float[n];
        float[] alpha = new float[n];
        byte[] rgb = image.pixels();
        for (int i = 0; i < n; i++) {
            // ITU-R 601 luma, as Pillow's convert("L")
            guide[i] = ((rgb[i * 3] & 0xff) * 0.299f + (rgb[i * 3 + 1] & 0xff) * 0.587f + (rgb[i * 3 + 2] & 0xff) * 0.114f) / 255f;
            alpha[i] = (mask[i] & 0xff) / 255f;
        }
        float[] meanI = boxMean(guide, w, h, r);
        float[] meanP = boxMean(alpha, w, h, r);
        float[] product = new float[n];
        float[] square = new float[n];
        for (int i = 0; i < n; i++) {
            product[i] = guide[i] * alpha[i];
            square[i] = guide[i] * guide[i];
        }
        float[] meanIp = boxMean(product, w, h, r);
        float[] meanII = boxMean(square, w, h, r);
        float[] a = product; // reused buffers
        float[] b = square;
        for (int i = 0; i < n; i++) {
            float variance = meanII[i] - meanI[i] * meanI[i];
            float covariance = meanIp[i] - meanI[i] * meanP[i];
            a[i] = (float) (covariance / (variance + EPSILON));
            b[i] = meanP[i] - a[i] * meanI[i];
        }
        float[] meanA = boxMean(a, w, h, r);
        float[] meanB = boxMean(b, w, h, r);

        byte[] sureSubject = erode(threshold(mask, FOREGROUND, true), w, h, r);
        byte[] sureBackground = erode(threshold(mask, BACKGROUND, false), w, h, r);
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            if (sureSubject[i] != 0 || sureBackground[i] != 0) {
                out[i] = mask[i];
            } else {
                float q = meanA[i] * guide[i] + meanB[i];
                out[i] = (byte) Math.round(Math.min(1f, Math.max(0f, q)) * 255f);
            }
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
