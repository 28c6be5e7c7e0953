package com.sartiq.hub.processors.matting;

import java.nio.FloatBuffer;

/**
 * rembg's {@code remove()} for U2NET-style models: decode (EXIF orientation applied) → {@link U2netPreprocessor}
 * → {@link MattingModel} → {@link U2netPostprocessor} → mask, then what {@link MattingOptions} asks for (edge
 * refinement, crop, cut-out / mask / composite) → PNG. Thread-safe; share one instance (and its model) per process.
 */
public final class BackgroundRemover {

    private final MattingModel model;
    private final ModelContract contract;
    private final U2netPreprocessor preprocessor;
    private final long maxPixels;
    /**
     * One input buffer per thread (1.2 MB at 320², 12 MB at 1024²): ONNX Runtime reads the direct buffer in
     * place, so two concurrent inferences cannot share one. Meant for pooled worker threads, not one-shot
     * virtual threads.
     */
    private final ThreadLocal<FloatBuffer> inputs;

    /** u2net's contract and Pillow's pixel limit. */
    public BackgroundRemover(MattingModel model) {
        this(model, ModelContract.U2NET, ImageDecoder.MAX_PIXELS);
    }

    /**
     * @param maxPixels images (and backgrounds) larger than this are refused from their header, before decoding
     * @throws MattingModelException when the model's declared input size is not the contract's
     */
    public BackgroundRemover(MattingModel model, ModelContract contract, long maxPixels) {
        model.checkAccepts(contract);
        this.model = model;
        this.contract = contract;
        this.preprocessor = new U2netPreprocessor(contract.size(), contract.mean(), contract.std());
        this.maxPixels = maxPixels;
        this.inputs = ThreadLocal.withInitial(preprocessor::newInputBuffer);
    }

    public ModelContract contract() {
        return contract;
    }

    /** The default output: the full-size cut-out. */
    public MattingResult removeBackground(byte[] encodedImage) {
        return removeBackground(encodedImage, MattingOptions.cutout());
    }

    /**
     * @param encodedImage a JPEG, PNG, WebP, GIF, BMP or TIFF file's bytes
     * @throws InvalidImageException when the image or the background image is not decodable or too large
     */
    public MattingResult removeBackground(byte[] encodedImage, MattingOptions options) {
        long t0 = System.nanoTime();
        RgbImage image = ImageDecoder.decode(encodedImage, maxPixels);
        RgbImage backgroundImage = null;
        if (options.backgroundImage() != null) {
            try {
                backgroundImage = ImageDecoder.decode(options.backgroundImage(), maxPixels);
            } catch (InvalidImageException e) {
                throw new InvalidImageException("background image: " + e.getMessage(), e);
            }
        }
        long t1 = System.nanoTime();
        FloatBuffer input = inputs.get();
        preprocessor.writeTensor(image, input);
        long t2 = System.nanoTime();
        SaliencyMap saliency = model.predict(input, preprocessor.inputShape());
        long t3 = System.nanoTime();
        byte[] mask = U2netPostprocessor.toMask(saliency, image.width(), image.height());
        if (options.refineEdges()) {
            mask = EdgeRefiner.refine(image, mask, EdgeRefiner.radius(image.width(), image.height(), contract.size()));
        }
        MattingResult.Region region = options.crop()
                ? Crops.subjectBox(mask, image.width(), image.height(), options.cropMargin())
                : new MattingResult.Region(0, 0, image.width(), image.height());
        RgbImage composite = null;
        if (options.output() == MattingOptions.Output.COMPOSITE) {
            RgbImage background = backgroundImage != null
                    ? Compositor.cover(backgroundImage, image.width(), image.height())
                    : Compositor.solid(image.width(), image.height(), options.backgroundRgb());
            composite = Compositor.over(image, mask, background);
        }
        boolean whole = region.width() == image.width() && region.height() == image.height();
        byte[] regionMask = whole ? mask : Crops.cut(mask, image.width(), 1, region);
        long t4 = System.nanoTime();
        byte[] png = switch (options.output()) {
            case CUTOUT -> PngEncoder.cutout(whole ? image : crop(image, region), regionMask);
            case MASK -> PngEncoder.grey(regionMask, region.width(), region.height());
            case COMPOSITE -> PngEncoder.rgb(whole ? composite : crop(composite, region));
        };
        long t5 = System.nanoTime();
        return new MattingResult(png, region.width(), region.height(), regionMask, region,
                new MattingResult.StageTimes(t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4));
    }

    private static RgbImage crop(RgbImage image, MattingResult.Region region) {
        return new RgbImage(region.width(), region.height(), Crops.cut(image.pixels(), image.width(), 3, region));
    }
}
