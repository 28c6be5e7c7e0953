package com.sartiq.hub.processors.matting;

/**
 * What {@link BackgroundRemover} makes of the mask.
 *
 * @param output          what the PNG holds
 * @param backgroundRgb   {@link Output#COMPOSITE} onto this colour ({@code 0xRRGGBB}), or {@code null}
 * @param backgroundImage {@link Output#COMPOSITE} onto this encoded image (scaled to cover the source and
 *                        centred), or {@code null}; exactly one of the two backgrounds is set for a composite
 * @param crop            crop every output to the subject's bounding box (alpha above {@link Crops#SUBJECT_ALPHA})
 * @param cropMargin      pixels added around that box on each side, within the image
 * @param refineEdges     refine the mask's soft edges along the image's own edges ({@link EdgeRefiner})
 */
public record MattingOptions(Output output, Integer backgroundRgb, byte[] backgroundImage, boolean crop, int cropMargin,
                             boolean refineEdges) {

    public enum Output {
        /** RGBA PNG: source colours, the mask as alpha (the default). */
        CUTOUT,
        /** Greyscale PNG: the mask alone. */
        MASK,
        /** RGB PNG: the subject blended onto a colour or an image. */
        COMPOSITE
    }

    public MattingOptions {
        if (output == null) {
            throw new IllegalArgumentException("output is required");
        }
        boolean hasBackground = backgroundRgb != null || backgroundImage != null;
        if (output == Output.COMPOSITE && (backgroundRgb == null) == (backgroundImage == null)) {
            throw new IllegalArgumentException("a composite needs exactly one background: a colour or an image");
        }
        if (output != Output.COMPOSITE && hasBackground) {
            throw new IllegalArgumentException("a background is only used by the composite output");
        }
        if (cropMargin < 0) {
            throw new IllegalArgumentException("crop margin must not be negative");
        }
    }

    /** rembg's {@code remove()} with our colour handling: the full-size cut-out. */
    public static MattingOptions cutout() {
        return new MattingOptions(Output.CUTOUT, null, null, false, 0, false);
    }
}
