package com.sartiq.hub.processors.matting;

/** Cropping to the subject: its bounding box in the mask, widened by a margin, and cutting regions out. */
final class Crops {

    /**
     * Alpha above which a pixel counts as subject for the bounding box: rembg's alpha-matting background
     * threshold, so faint haze the model leaves over the background does not stretch the box to the border.
     */
    static final int SUBJECT_ALPHA = 10;

    private Crops() {
    }

    /**
     * The box of mask values above {@link #SUBJECT_ALPHA}, grown by {@code margin} on each side and clamped to
     * the image; the whole image when no pixel is subject (nothing to crop to, so nothing is cut away).
     */
    static MattingResult.Region subjectBox(byte[] mask, int width, int height, int margin) {
        int minX = width;
        int minY = height;
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                if ((mask[row + x] & 0xff) > SUBJECT_ALPHA) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = y;
                }
            }
        }
        if (maxX < 0) {
            return new MattingResult.Region(0, 0, width, height);
        }
        int x0 = Math.max(0, minX - margin);
        int y0 = Math.max(0, minY - margin);
        int x1 = (int) Math.min(width - 1L, (long) maxX + margin);
        int y1 = (int) Math.min(height - 1L, (long) maxY + margin);
        return new MattingResult.Region(x0, y0, x1 - x0 + 1, y1 - y0 + 1);
    }

    /** The samples of {@code region} from an image of {@code width} pixels per row, {@code channels} each. */
    static byte[] cut(byte[] samples, int width, int channels, MattingResult.Region region) {
        byte[] out = new byte[region.width() * region.height() * channels];
        int rowBytes = region.width() * channels;
        for (int y = 0; y < region.height(); y++) {
            System.arraycopy(samples, ((region.y() + y) * width + region.x()) * channels, out, y * rowBytes, rowBytes);
        }
        return out;
    }
}
