package com.sartiq.hub.processors.matting;

/** The subject blended onto a new background with the mask as alpha, in straight (non-premultiplied) RGB. */
final class Compositor {

    private Compositor() {
    }

    /** A background of one colour, {@code 0xRRGGBB}, the size of {@code image}. */
    static RgbImage solid(int width, int height, int rgb) {
        byte[] pixels = new byte[width * height * 3];
        for (int i = 0; i < pixels.length; i += 3) {
            pixels[i] = (byte) (rgb >> 16);
            pixels[i + 1] = (byte) (rgb >> 8);
            pixels[i + 2] = (byte) rgb;
        }
        return new RgbImage(width, height, pixels);
    }

    /**
     * {@code background} scaled to cover {@code width × height} without distortion: the centred part with the
     * target's aspect ratio is cut out, then resized (Lanczos) to the target size. Nothing is letterboxed.
     */
    static RgbImage cover(RgbImage background, int width, int height) {
        int bw = background.width();
        int bh = background.height();
        // widest centred window of the target's aspect ratio
        int cw = bw;
        int ch = (int) Math.round((double) bw * height / width);
        if (ch > bh) {
            ch = bh;
            cw = (int) Math.round((double) bh * width / height);
        }
        cw = Math.max(1, Math.min(bw, cw));
        ch = Math.max(1, Math.min(bh, ch));
        MattingResult.Region window = new MattingResult.Region((bw - cw) / 2, (bh - ch) / 2, cw, ch);
        byte[] cropped = Crops.cut(background.pixels(), bw, 3, window);
        byte[] scaled = cw == width && ch == height ? cropped : LanczosResampler.resize(cropped, cw, ch, 3, width, height);
        return new RgbImage(width, height, scaled);
    }

    /** {@code round((fg·a + bg·(255 − a)) / 255)} per channel; {@code background} has the image's size. */
    static RgbImage over(RgbImage subject, byte[] mask, RgbImage background) {
        byte[] fg = subject.pixels();
        byte[] bg = background.pixels();
        byte[] out = new byte[fg.length];
        for (int i = 0, p = 0; i < out.length; i += 3, p++) {
            int a = mask[p] & 0xff;
            int b = 255 - a;
            for (int c = 0; c < 3; c++) {
                out[i + c] = (byte) (((fg[i + c] & 0xff) * a + (bg[i + c] & 0xff) * b + 127) / 255);
            }
        }
        return new RgbImage(subject.width(), subject.height(), out);
    }
}
