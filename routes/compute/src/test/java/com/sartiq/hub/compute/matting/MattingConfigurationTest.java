package com.sartiq.hub.compute.matting;

import com.sartiq.hub.processors.matting.MattingModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

class MattingConfigurationTest {

    private final MattingConfiguration configuration = new MattingConfiguration();

    @Test
    void aMissingProductionModelFallsBackToTheBundledDemo() throws Exception {
        try (MattingModel model = configuration.mattingModel(new MattingProperties("/data/models/onnx/does-not-exist.onnx", 1))) {
            assertTrue(model.description().toString().contains("bundled demo"), model.description().toString());
        }
    }

    @Test
    void anExistingModelFileIsLoadedFromItsPath(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("u2net.onnx");
        try (InputStream demo = MattingModel.class.getResourceAsStream("/models/u2net-demo.onnx")) {
            Files.copy(demo, file);
        }
        try (MattingModel model = configuration.mattingModel(new MattingProperties(file.toString(), 1))) {
            assertTrue(model.description().toString().contains(file.toString()), model.description().toString());
        }
    }
}
