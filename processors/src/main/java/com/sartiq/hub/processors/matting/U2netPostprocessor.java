package com.sartiq.hub.processors.matting;

/**
 * rembg's u2net {@code predict}: channel 0 of the first output → min–max normalise → clip to [0, 1] →
 * ×255 truncated to 8 bits → Lanczos back to the source size. That mask is the cut-out's alpha.
 */
public final class U2netPostprocessor {

    private U2netPostprocessor() {
    }

    public static byte[] toMask(SaliencyMap map, int width, int height) {
        float[] values = map.values();
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        byte[] mask = new byte[values.length];
        // rembg divides by (max − min) unguarded and gets NaN for a flat map. Nothing stands out there (nor in a
        // map holding NaN, which Math.min/max propagate), so the mask stays empty.
        if (max > min) {
            float range = max - min;
            for (int i = 0; i < values.length; i++) {
                float normalised = Math.min(Math.max((values[i] - min) / range, 0f), 1f);
                // float32 product, then truncation: numpy's astype("uint8"), which does not round
                mask[i] = (byte) (int) (normalised * 255f);
            }
        }
        return LanczosResampler.resize(mask, map.width(), map.height(), 1, width, height);
    }
}
