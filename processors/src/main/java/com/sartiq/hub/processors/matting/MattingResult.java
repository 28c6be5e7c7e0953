package com.sartiq.hub.processors.matting;

/**
 * One matting result.
 *
 * @param png    the output PNG (RGBA cut-out, grey mask or RGB composite, per {@link MattingOptions.Output})
 * @param width  the output's width: the source's (EXIF orientation applied), or the crop's
 * @param height the output's height
 * @param mask   8-bit alpha, {@code width × height} row by row, for the same region as the PNG
 * @param region where the output lies in the (EXIF-oriented) source: the whole image unless cropped
 * @param times  where the time went
 */
public record MattingResult(byte[] png, int width, int height, byte[] mask, Region region, StageTimes times) {

    /** A rectangle of the source image, in pixels. */
    public record Region(int x, int y, int width, int height) {
    }

    /** Nanoseconds per pipeline stage of one call. */
    public record StageTimes(long decode, long preprocess, long inference, long postprocess, long encode) {

        public long total() {
            return decode + preprocess + inference + postprocess + encode;
        }

        /** Everything but the model run: the hub's own share. */
        public long overhead() {
            return total() - inference;
        }

        @Override
        public String toString() {
            return String.format("decode %.1f ms, pre %.1f ms, run %.1f ms, post %.1f ms, encode %.1f ms",
                    decode / 1e6, preprocess / 1e6, inference / 1e6, postprocess / 1e6, encode / 1e6);
        }
    }
}
