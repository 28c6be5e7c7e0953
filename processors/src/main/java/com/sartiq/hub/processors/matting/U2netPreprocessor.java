package com.sartiq.hub.processors.matting;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * rembg's {@code BaseSession.normalize}: RGB → square model size (Lanczos, aspect ignored) → divide by the
 * image's own maximum over all channels → {@code (x − mean) / std} per channel → NCHW float32.
 * Dividing by the maximum, not by 255, stretches dark images; the model was used that way, so we do too.
 */
public final class U2netPreprocessor {

    /** rembg's guard against an all-black image (v2.0.66+). */
    private static final double MIN_DIVISOR = 1e-6;

    private final int size;
    private final double[] mean;
    private final double[] std;

    /** @param size model input side in pixels; {@code mean}, {@code std}: three values each, R, G, B */
    public U2netPreprocessor(int size, double[] mean, double[] std) {
        if (size <= 0 || mean.length != 3 || std.length != 3) {
            throw new IllegalArgumentException("need a positive size and three means and stds");
        }
        this.size = size;
        this.mean = mean.clone();
        this.std = std.clone();
    }

    /** u2net and u2netp: 320×320, ImageNet mean and std. */
    public static U2netPreprocessor u2net() {
        return new U2netPreprocessor(320, new double[] {0.485, 0.456, 0.406}, new double[] {0.229, 0.224, 0.225});
    }

    /** The model input shape, {@code [1, 3, size, size]}. */
    public long[] inputShape() {
        return new long[] {1, 3, size, size};
    }

    /**
     * A buffer for {@link #writeTensor}: direct and in native order, because ONNX Runtime wraps such a buffer
     * without copying, where a heap buffer is copied into a fresh direct one on every call.
     */
    public FloatBuffer newInputBuffer() {
        return ByteBuffer.allocateDirect(Float.BYTES * 3 * size * size).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    /** Fills {@code target} (from {@link #newInputBuffer}) with the NCHW tensor of {@code image}, rewound for reading. */
    public void writeTensor(RgbImage image, FloatBuffer target) {
        if (target.capacity() != 3 * size * size) {
            throw new IllegalArgumentException("target holds " + target.capacity() + " floats, need " + 3 * size * size);
        }
        byte[] rgb = LanczosResampler.resize(image.pixels(), image.width(), image.height(), 3, size, size);
        double divisor = Math.max(max(rgb), MIN_DIVISOR);
        int plane = size * size;
        target.clear();
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < plane; i++) {
                // float64 as numpy computes it, then one rounding to float32 as astype(np.float32) does
                target.put(c * plane + i, (float) (((rgb[i * 3 + c] & 0xff) / divisor - mean[c]) / std[c]));
            }
        }
    }

    private static int max(byte[] samples) {
        int max = 0;
        for (byte sample : samples) {
            max = Math.max(max, sample & 0xff);
        }
        return max;
    }
}
