package com.sartiq.hub.processors.matting;

/** Comparing 8-bit masks, for tests and benchmarks. */
public final class Masks {

    private Masks() {
    }

    /**
     * Intersection over union of the foregrounds of two same-sized masks, a pixel being foreground when its
     * value is at least {@code threshold}. Two empty foregrounds agree perfectly: 1.0.
     */
    public static double iou(byte[] a, byte[] b, int threshold) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("masks differ in size: " + a.length + " vs " + b.length);
        }
        long intersection = 0;
        long union = 0;
        for (int i = 0; i < a.length; i++) {
            boolean inA = (a[i] & 0xff) >= threshold;
            boolean inB = (b[i] & 0xff) >= threshold;
            if (inA && inB) {
                intersection++;
            }
            if (inA || inB) {
                union++;
            }
        }
        return union == 0 ? 1.0 : (double) intersection / union;
    }
}
