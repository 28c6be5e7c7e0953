package com.sartiq.hub.processors.matting;

import java.util.Arrays;

/**
 * Pillow's {@code Image.resize(size, Image.LANCZOS)} for 8-bit images, ported from
 * {@code src/libImaging/Resample.c} ({@code precompute_coeffs}, {@code normalize_coeffs_8bpc},
 * {@code ImagingResampleHorizontal_8bpc} / {@code Vertical_8bpc}) so that masks equal rembg's byte for byte.
 * {@code java.awt} has no Lanczos filter, and any other rounding shifts mask edges by a level or two.
 *
 * <p>Pixels are interleaved 8-bit samples, {@code channels} per pixel (3 for RGB, 1 for L).
 */
public final class LanczosResampler {

    /** Lanczos-3: the kernel covers three source pixels on each side (times the scale when downscaling). */
    private static final double SUPPORT = 3.0;
    /** Fixed-point bits: 8 for the sample, 2 of head-room for negative lobes and overshoot, 22 for the weight. */
    private static final int PRECISION_BITS = 32 - 8 - 2;
    private static final int HALF = 1 << (PRECISION_BITS - 1);

    private LanczosResampler() {
    }

    /** Resizes to {@code newWidth}×{@code newHeight}, ignoring aspect ratio, as Pillow does. */
    public static byte[] resize(byte[] pixels, int width, int height, int channels, int newWidth, int newHeight) {
        if (width <= 0 || height <= 0 || newWidth <= 0 || newHeight <= 0 || channels <= 0) {
            throw new IllegalArgumentException("sizes and channels must be positive: " + width + "x" + height
                    + " -> " + newWidth + "x" + newHeight + ", " + channels + " channels");
        }
        if (pixels.length != width * height * channels) {
            throw new IllegalArgumentException("expected " + width * height * channels + " samples, got " + pixels.length);
        }
        Kernel horizontal = Kernel.of(width, newWidth);
        Kernel vertical = Kernel.of(height, newHeight);
        byte[] out = pixels;
        int firstRow = 0;
        if (newWidth != width) {
            // Like Pillow, only the rows the vertical pass will read are resampled horizontally.
            firstRow = vertical.first(0);
            int lastRow = vertical.first(newHeight - 1) + vertical.count(newHeight - 1);
            out = horizontalPass(out, width, channels, firstRow, lastRow - firstRow, horizontal, newWidth);
        }
        if (newHeight != height) {
            out = verticalPass(out, newWidth, channels, firstRow, vertical, newHeight);
        }
        return out == pixels ? pixels.clone() : out;
    }

    private static byte[] horizontalPass(byte[] in, int width, int channels, int firstRow, int rows,
                                         Kernel kernel, int newWidth) {
        byte[] out = new byte[rows * newWidth * channels];
        if (channels == 3) {
            // the common case (RGB), with the three sums in locals: several times faster than the generic loop
            for (int y = 0; y < rows; y++) {
                int rowStart = (firstRow + y) * width * 3;
                int target = y * newWidth * 3;
                for (int x = 0; x < newWidth; x++, target += 3) {
                    int r = HALF;
                    int g = HALF;
                    int b = HALF;
                    int sample = rowStart + kernel.first(x) * 3;
                    int weights = x * kernel.size;
                    for (int i = 0, n = kernel.count(x); i < n; i++, sample += 3) {
                        int weight = kernel.weights[weights + i];
                        r += (in[sample] & 0xff) * weight;
                        g += (in[sample + 1] & 0xff) * weight;
                        b += (in[sample + 2] & 0xff) * weight;
                    }
                    out[target] = clip8(r);
                    out[target + 1] = clip8(g);
                    out[target + 2] = clip8(b);
                }
            }
            return out;
        }
        if (channels == 1) {
            // masks: the sum in a local, as above
            for (int y = 0; y < rows; y++) {
                int rowStart = (firstRow + y) * width;
                int target = y * newWidth;
                for (int x = 0; x < newWidth; x++) {
                    int sum = HALF;
                    int sample = rowStart + kernel.first(x);
                    int weights = x * kernel.size;
                    for (int i = 0, n = kernel.count(x); i < n; i++) {
                        sum += (in[sample + i] & 0xff) * kernel.weights[weights + i];
                    }
                    out[target + x] = clip8(sum);
                }
            }
            return out;
        }
        int[] sums = new int[channels];
        for (int y = 0; y < rows; y++) {
            int rowStart = (firstRow + y) * width * channels;
            for (int x = 0; x < newWidth; x++) {
                Arrays.fill(sums, HALF);
                int first = kernel.first(x);
                for (int i = 0; i < kernel.count(x); i++) {
                    int weight = kernel.weight(x, i);
                    int sample = rowStart + (first + i) * channels;
                    for (int c = 0; c < channels; c++) {
                        sums[c] += (in[sample + c] & 0xff) * weight;
                    }
                }
                int target = (y * newWidth + x) * channels;
                for (int c = 0; c < channels; c++) {
                    out[target + c] = clip8(sums[c]);
                }
            }
        }
        return out;
    }

    /**
     * {@code rowOffset}: index in the source image of {@code in}'s first row (non-zero after a partial horizontal
     * pass). Row by row (each source row weighted into an accumulator row) for sequential memory access; integer
     * sums do not depend on the order of addition, so the result is Pillow's.
     */
    private static byte[] verticalPass(byte[] in, int width, int channels, int rowOffset, Kernel kernel, int newHeight) {
        int stride = width * channels;
        byte[] out = new byte[newHeight * stride];
        int[] sums = new int[stride];
        for (int y = 0; y < newHeight; y++) {
            Arrays.fill(sums, HALF);
            int first = kernel.first(y) - rowOffset;
            for (int i = 0, n = kernel.count(y); i < n; i++) {
                int weight = kernel.weight(y, i);
                int row = (first + i) * stride;
                for (int s = 0; s < stride; s++) {
                    sums[s] += (in[row + s] & 0xff) * weight;
                }
            }
            int target = y * stride;
            for (int s = 0; s < stride; s++) {
                out[target + s] = clip8(sums[s]);
            }
        }
        return out;
    }

    /** Pillow's clip8: drop the fraction (the caller added the rounding half) and clamp to a byte. */
    private static byte clip8(int sum) {
        int value = sum >> PRECISION_BITS;
        return (byte) (value < 0 ? 0 : Math.min(value, 255));
    }

    private static double lanczos(double x) {
        return -SUPPORT <= x && x < SUPPORT ? sinc(x) * sinc(x / SUPPORT) : 0.0;
    }

    private static double sinc(double x) {
        if (x == 0.0) {
            return 1.0;
        }
        double px = x * Math.PI;
        // StrictMath: the same bits on every JVM; Math.sin may differ by an ulp between intrinsics.
        return StrictMath.sin(px) / px;
    }

    /**
     * Fixed-point weights for one axis: for output pixel {@code o}, source pixels
     * {@code first(o) .. first(o) + count(o) - 1} with {@code weight(o, i)} in units of 2^-22.
     */
    private record Kernel(int size, int[] bounds, int[] weights) {

        static Kernel of(int inSize, int outSize) {
            double scale = (double) inSize / outSize;
            // Downscaling stretches the kernel over the source so that every source pixel contributes (antialiasing).
            double filterScale = Math.max(scale, 1.0);
            double support = SUPPORT * filterScale;
            double inverseScale = 1.0 / filterScale; // Pillow multiplies by the reciprocal: same bits only if we do too
            int size = (int) Math.ceil(support) * 2 + 1;
            int[] bounds = new int[outSize * 2];
            int[] weights = new int[outSize * size];
            double[] k = new double[size];
            for (int o = 0; o < outSize; o++) {
                double center = (o + 0.5) * scale;
                // (int) truncates toward zero, as C's cast does; negative values are clamped right after.
                int min = Math.max((int) (center - support + 0.5), 0);
                int count = Math.min((int) (center + support + 0.5), inSize) - min;
                double total = 0.0;
                for (int i = 0; i < count; i++) {
                    k[i] = lanczos((i + min - center + 0.5) * inverseScale);
                    total += k[i];
                }
                for (int i = 0; i < count; i++) {
                    double normalised = total != 0.0 ? k[i] / total : k[i];
                    weights[o * size + i] = (int) (normalised < 0
                            ? -0.5 + normalised * (1 << PRECISION_BITS)
                            : 0.5 + normalised * (1 << PRECISION_BITS));
                }
                bounds[o * 2] = min;
                bounds[o * 2 + 1] = count;
            }
            return new Kernel(size, bounds, weights);
        }

        int first(int out) {
            return bounds[out * 2];
        }

        int count(int out) {
            return bounds[out * 2 + 1];
        }

        int weight(int out, int i) {
            return weights[out * size + i];
        }
    }
}
