package com.sartiq.hub.processors.matting;

import java.nio.FloatBuffer;

/**
 * rembg's {@code remove()} for U2NET-style models: decode → {@link U2netPreprocessor} → {@link MattingModel}
 * → {@link U2netPostprocessor} → PNG cut-out. Thread-safe; share one instance (and its model) per process.
 */
public final class BackgroundRemover {

    private final MattingModel model;
    private final U2netPreprocessor preprocessor = U2netPreprocessor.u2net();
    /**
     * One input buffer per thread (1.2 MB at 320²): ONNX Runtime reads the direct buffer in place, so two
     * concurrent inferences cannot share one. Meant for pooled worker threads, not one-shot virtual threads.
     */
    private final ThreadLocal<FloatBuffer> inputs = ThreadLocal.withInitial(preprocessor::newInputBuffer);

    public BackgroundRemover(MattingModel model) {
        this.model = model;
    }

    /**
     * @param encodedImage a JPEG, PNG, WebP, GIF, BMP or TIFF file's bytes
     * @throws InvalidImageException when the bytes are not a decodable image
     */
    public MattingResult removeBackground(byte[] encodedImage) {
        RgbImage image = ImageDecoder.decode(encodedImage);
        FloatBuffer input = inputs.get();
        preprocessor.writeTensor(image, input);
        SaliencyMap saliency = model.predict(input, preprocessor.inputShape());
        byte[] mask = U2netPostprocessor.toMask(saliency, image.width(), image.height());
        return new MattingResult(PngCutout.encode(image, mask), image.width(), image.height(), mask);
    }
}
