package com.sartiq.hub.processors.matting;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MattingModelTest {

    private static MattingModel demo;

    @BeforeAll
    static void loadDemo() {
        demo = MattingModel.loadBundledDemo(1);
    }

    @AfterAll
    static void closeDemo() {
        demo.close();
    }

    @Test
    void describesTheBundledDemoForTheStartupLog() throws IOException {
        MattingModel.Description description = demo.description();
        assertTrue(description.source().startsWith("bundled demo"), description.source());
        assertEquals(bundledDemoBytes().length, description.sizeBytes());
        assertTrue(description.sha256().matches("[0-9a-f]{64}"), description.sha256());
        assertTrue(description.toString().contains(description.sha256()));
    }

    @Test
    void loadsAModelFileAndDescribesItByPath(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("u2net.onnx"), bundledDemoBytes());
        try (MattingModel model = MattingModel.load(file)) {
            assertEquals(file.toAbsolutePath().toString(), model.description().source());
            assertEquals(demo.description().sha256(), model.description().sha256());
        }
    }

    @Test
    void aMissingModelFileIsReportedWithItsPath(@TempDir Path dir) {
        Path missing = dir.resolve("models/onnx/u2net.onnx");
        MattingModelException e = assertThrows(MattingModelException.class, () -> MattingModel.load(missing));
        assertTrue(e.getMessage().contains(missing.toAbsolutePath().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("not found"), e.getMessage());
    }

    @Test
    void aFileThatIsNotOnnxIsReportedWithItsPath(@TempDir Path dir) throws IOException {
        Path garbage = Files.writeString(dir.resolve("u2net.onnx"), "<html>404 Not Found</html>");
        MattingModelException e = assertThrows(MattingModelException.class, () -> MattingModel.load(garbage, 1));
        assertTrue(e.getMessage().contains(garbage.toAbsolutePath().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("not a loadable ONNX model"), e.getMessage());
    }

    @Test
    void predictsASaliencyMapAtModelResolution() {
        U2netPreprocessor preprocessor = U2netPreprocessor.u2net();
        RgbImage image = U2netPreprocessorTest.constant(320, 320, 255, 255, 255);
        for (int y = 100; y < 220; y++) {
            for (int x = 100; x < 220; x++) {
                int i = (y * 320 + x) * 3;
                image.pixels()[i + 1] = 0;
                image.pixels()[i + 2] = 0;
            }
        }
        FloatBuffer input = preprocessor.newInputBuffer();
        preprocessor.writeTensor(image, input);
        SaliencyMap map = demo.predict(input, preprocessor.inputShape());
        assertEquals(320, map.width());
        assertEquals(320, map.height());
        float background = map.values()[10 * 320 + 10];
        float subject = map.values()[160 * 320 + 160];
        assertTrue(background >= 0f && background < 0.01f, "background " + background);
        assertTrue(subject > 0.99f && subject <= 1f, "subject " + subject);
    }

    @Test
    void aWronglyShapedInputFailsWithTheModelNamed() {
        FloatBuffer input = FloatBuffer.allocate(3 * 8 * 8);
        MattingModelException e = assertThrows(MattingModelException.class,
                () -> demo.predict(input, new long[] {1, 3, 8, 8}));
        assertTrue(e.getMessage().contains("bundled demo"), e.getMessage());
    }

    static byte[] bundledDemoBytes() throws IOException {
        try (InputStream in = MattingModelTest.class.getClassLoader().getResourceAsStream(MattingModel.BUNDLED_DEMO)) {
            return in.readAllBytes();
        }
    }
}
