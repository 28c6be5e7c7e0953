package com.sartiq.hub.compute.matting;

import com.sartiq.hub.processors.matting.MattingModel;
import com.sartiq.hub.processors.matting.MattingModelException;
import com.sartiq.hub.processors.matting.ModelContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MattingConfigurationTest {

    private final MattingConfiguration configuration = new MattingConfiguration();

    @Test
    void aMissingModelFileStopsTheStartNamingThePath() {
        MattingProperties matting = MattingProperties.file("u2net", "/data/models/onnx/does-not-exist.onnx");
        MattingModelException e = assertThrows(MattingModelException.class,
                () -> configuration.mattingModel(matting, configuration.modelContract(matting), 2));
        assertTrue(e.getMessage().contains("/data/models/onnx/does-not-exist.onnx"), e.getMessage());
    }

    @Test
    void aCorruptModelFileStopsTheStartNamingThePath(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("u2net.onnx"), "<html>Bad gateway</html>");
        MattingProperties matting = MattingProperties.file("u2net", file.toString());
        MattingModelException e = assertThrows(MattingModelException.class,
                () -> configuration.mattingModel(matting, configuration.modelContract(matting), 2));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("not a loadable ONNX model"), e.getMessage());
    }

    @Test
    void anEmptyPathWithoutTheDemoSwitchStopsTheStartSayingWhatToSet() {
        MattingProperties matting = MattingProperties.file("u2net", "");
        MattingModelException e = assertThrows(MattingModelException.class,
                () -> configuration.mattingModel(matting, configuration.modelContract(matting), 2));
        assertTrue(e.getMessage().contains("hub.matting.model-path") && e.getMessage().contains("hub.matting.demo-model"), e.getMessage());
    }

    @Test
    void theBundledDemoIsUsedOnlyWhenConfigured() {
        MattingProperties matting = MattingProperties.demo();
        try (MattingModel model = configuration.mattingModel(matting, configuration.modelContract(matting), 2)) {
            assertTrue(model.description().toString().contains("bundled demo"), model.description().toString());
        }
    }

    @Test
    void anExistingModelFileIsLoadedFromItsPath(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("u2netp.onnx");
        try (InputStream demo = MattingModel.class.getResourceAsStream("/models/u2net-demo.onnx")) {
            Files.copy(demo, file);
        }
        MattingProperties matting = MattingProperties.file("u2netp", file.toString());
        try (MattingModel model = configuration.mattingModel(matting, configuration.modelContract(matting), 2)) {
            assertTrue(model.description().toString().contains(file.toString()), model.description().toString());
        }
    }

    @Test
    void aModelWhoseInputSizeDiffersFromTheContractStopsTheStart() {
        // the demo graph declares 320×320; isnet-general-use feeds 1024×1024
        MattingProperties matting = new MattingProperties("isnet-general-use", "", true, null, null, null, 1, 1, null);
        MattingModelException e = assertThrows(MattingModelException.class,
                () -> configuration.mattingModel(matting, configuration.modelContract(matting), 2));
        assertTrue(e.getMessage().contains("320") && e.getMessage().contains("1024"), e.getMessage());
    }

    @Test
    void theModelNamePicksRembgsInputSizeAndNormalisationAndKeysOverrideThem() {
        ModelContract isnet = configuration.modelContract(MattingProperties.file("isnet-general-use", "/x"));
        assertEquals(1024, isnet.size());
        assertArrayEquals(new double[] {0.5, 0.5, 0.5}, isnet.mean());
        assertArrayEquals(new double[] {1.0, 1.0, 1.0}, isnet.std());
        assertEquals(ModelContract.U2NET.size(), configuration.modelContract(MattingProperties.file("u2netp", "/x")).size());

        ModelContract custom = configuration.modelContract(new MattingProperties("u2net", "/x", false, 512,
                List.of(0.5, 0.5, 0.5), List.of(0.25, 0.25, 0.25), 1, 1, null));
        assertEquals(512, custom.size());
        assertArrayEquals(new double[] {0.25, 0.25, 0.25}, custom.std());
    }

    @Test
    void badModelSettingsAreNamed() {
        MattingModelException unknown = assertThrows(MattingModelException.class,
                () -> configuration.modelContract(MattingProperties.file("u3net", "/x")));
        assertTrue(unknown.getMessage().contains("u3net") && unknown.getMessage().contains("isnet-general-use"), unknown.getMessage());
        MattingModelException shortMean = assertThrows(MattingModelException.class, () -> configuration.modelContract(
                new MattingProperties("u2net", "/x", false, null, List.of(0.5), null, 1, 1, null)));
        assertTrue(shortMean.getMessage().contains("mean"), shortMean.getMessage());
    }

    @Test
    void intraOpThreadsDefaultToTheCoresSharedAmongTheWorkers() {
        int cores = Runtime.getRuntime().availableProcessors();
        MattingProperties auto = new MattingProperties("u2net", "/x", false, null, null, null, 0, 1, null);
        assertEquals(Math.max(1, cores / 2), MattingConfiguration.intraOpThreads(auto, 2));
        assertEquals(1, MattingConfiguration.intraOpThreads(auto, cores * 4));
        assertEquals(3, MattingConfiguration.intraOpThreads(MattingProperties.file("u2net", "/x").withIntraOp(3), 2));
    }

    @Test
    void aStartFailureExplainsWhatToSet() {
        MattingModelException cause = new MattingModelException("matting model not found: /data/models/onnx/u2net.onnx");
        var analysis = new MattingModelFailureAnalyzer().analyze(new RuntimeException("bean creation", cause));
        assertEquals(cause.getMessage(), analysis.getDescription());
        assertTrue(analysis.getAction().contains("HUB_MATTING_MODEL_PATH") && analysis.getAction().contains("hub.matting.demo-model"),
                analysis.getAction());
    }
}
