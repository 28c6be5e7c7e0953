package com.sartiq.hub.processors.matting;

/**
 * A decoded 8-bit RGB image, samples interleaved row by row ({@code r, g, b, r, g, b, ...}).
 * The array is shared, not copied: the pipeline reads it and never writes to it.
 */
public record RgbImage(int width, int height, byte[] pixels) {

    public RgbImage {
        if (width <= 0 || height <= 0 || pixels.length != width * height * 3) {
            throw new IllegalArgumentException("an RGB image of " + width + "x" + height + " needs "
                    + width * height * 3 + " samples, got " + pixels.length);
        }
    }
}
