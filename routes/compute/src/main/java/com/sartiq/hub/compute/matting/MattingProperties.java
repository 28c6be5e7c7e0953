package com.sartiq.hub.compute.matting;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * The local matting model ({@code hub.matting.*}).
 *
 * @param model          which rembg model the file is: {@code u2net}, {@code u2netp} or {@code isnet-general-use};
 *                       it sets the input size and normalisation unless the three keys below override them
 * @param modelPath      the ONNX file; production {@code /data/models/onnx/u2net.onnx}. Missing, unreadable or
 *                       not ONNX: the hub refuses to start, naming the path
 * @param demoModel      true: use the small bundled demo model instead of {@code modelPath} (tests, local stack);
 *                       it separates plain subjects from plain backgrounds only
 * @param inputSize      override of the model's input side in pixels
 * @param mean           override of the model's per-channel mean (R, G, B)
 * @param std            override of the model's per-channel standard deviation (R, G, B)
 * @param intraOpThreads ONNX Runtime threads per inference; 0 = the cores divided by the CPU workers
 *                       ({@code hub.workers.cpu.concurrency}), so that workers × threads = cores
 * @param interOpThreads above 1: run independent graph branches in parallel with that many threads (U2NET has
 *                       few; leave at 1)
 * @param maxPixels      larger images are refused from their header, before decoding (decompression bombs)
 */
@ConfigurationProperties("hub.matting")
public record MattingProperties(String model, String modelPath, Boolean demoModel, Integer inputSize, List<Double> mean,
                                List<Double> std, Integer intraOpThreads, Integer interOpThreads, Long maxPixels) {

    public MattingProperties {
        model = model == null || model.isBlank() ? "u2net" : model.trim();
        modelPath = modelPath == null ? "" : modelPath.trim();
        demoModel = demoModel != null && demoModel;
        intraOpThreads = intraOpThreads == null ? 0 : intraOpThreads;
        interOpThreads = interOpThreads == null ? 1 : interOpThreads;
        // Pillow's MAX_IMAGE_PIXELS; one pixel costs about 15 bytes across the pipeline
        maxPixels = maxPixels == null ? 1024L * 1024 * 1024 / 4 / 3 : maxPixels;
    }

    /** The production file, model chosen by name, everything else default. */
    public static MattingProperties file(String model, String modelPath) {
        return new MattingProperties(model, modelPath, false, null, null, null, 1, 1, null);
    }

    public MattingProperties withIntraOp(int threads) {
        return new MattingProperties(model, modelPath, demoModel, inputSize, mean, std, threads, interOpThreads, maxPixels);
    }

    /** The bundled demo model. */
    public static MattingProperties demo() {
        return new MattingProperties("u2net", "", true, null, null, null, 1, 1, null);
    }
}
