package com.sartiq.hub.compute.matting;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The local U2NET model ({@code hub.matting.*}).
 *
 * @param modelPath       ONNX file with U2NET's contract; production {@code /data/models/onnx/u2net.onnx}.
 *                        Empty or missing: the small bundled demo model is used and the log says so.
 * @param intraOpThreads  ONNX Runtime threads per inference; with several CPU workers keep workers × threads ≤ cores
 */
@ConfigurationProperties("hub.matting")
public record MattingProperties(String modelPath, Integer intraOpThreads) {

    public MattingProperties {
        modelPath = modelPath == null ? "" : modelPath.trim();
        intraOpThreads = intraOpThreads == null ? 1 : intraOpThreads;
    }
}
