package com.sartiq.hub.processors.matting;

/** A model's saliency prediction for one image: {@code width × height} floats, row by row, high on the subject. */
public record SaliencyMap(int width, int height, float[] values) {

    public SaliencyMap {
        if (width <= 0 || height <= 0 || values.length != width * height) {
            throw new IllegalArgumentException("a " + width + "x" + height + " map needs " + width * height
                    + " values, got " + values.length);
        }
    }
}
