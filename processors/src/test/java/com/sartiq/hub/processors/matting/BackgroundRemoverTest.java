package com.sartiq.hub.processors.matting;

import com.sartiq.hub.processors.matting.TestScenes.Scene;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole pipeline with the bundled demo model, on pictures whose true mask is known. */
class BackgroundRemoverTest {

    private static final Color WHITE = new Color(255, 255, 255);
    private static final Color GREY = new Color(128, 128, 128);
    private static final Color BLUE = new Color(30, 70, 200);
    private static final Color RED = new Color(200, 30, 40);

    private static MattingModel model;
    private static BackgroundRemover remover;

    @BeforeAll
    static void loadModel() {
        model = MattingModel.loadBundledDemo(1);
        remover = new BackgroundRemover(model);
    }

    @AfterAll
    static void closeModel() {
        model.close();
    }

    static Stream<Scene> scenes() {
        return Stream.of(
                TestScenes.scene("red rectangle on white 640x480", 640, 480, WHITE, RED, TestScenes.rectangle(640, 480)),
                TestScenes.scene("red ellipse on grey 300x500", 300, 500, GREY, RED, TestScenes.ellipse(300, 500)),
                TestScenes.scene("yellow T-shirt on blue 640x480", 640, 480, BLUE, new Color(240, 200, 40), TestScenes.tShirt(640, 480)),
                TestScenes.scene("navy T-shirt on a soft gradient 300x500", 300, 500, TestScenes.softGradient(500),
                        new Color(25, 35, 80), TestScenes.tShirt(300, 500)),
                TestScenes.scene("dark red T-shirt on near-black 500x700", 500, 700, new Color(12, 12, 12),
                        new Color(90, 20, 20), TestScenes.tShirt(500, 700)),
                TestScenes.scene("green ellipse on fabric-textured beige 1200x900", 1200, 900,
                        TestScenes.texture(new Color(215, 205, 185), 12, 1), new Color(40, 130, 60), TestScenes.ellipse(1200, 900)),
                TestScenes.scene("black T-shirt on textured light grey 240x320", 240, 320,
                        TestScenes.texture(new Color(190, 190, 190), 15, 2), new Color(20, 20, 24), TestScenes.tShirt(240, 320)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenes")
    void cutsAPlainSubjectOutOfAPlainBackground(Scene scene) {
        MattingResult result = remover.removeBackground(TestScenes.png(scene.picture()));
        assertEquals(scene.picture().getWidth(), result.width());
        assertEquals(scene.picture().getHeight(), result.height());
        double iou = Masks.iou(result.mask(), scene.expectedMask(), 128);
        assertTrue(iou >= 0.9, scene + ": IoU " + iou);
    }

    @Test
    void toleratesJpegArtefacts() {
        Scene scene = TestScenes.scene("T-shirt on blue", 640, 480, BLUE, new Color(240, 200, 40), TestScenes.tShirt(640, 480));
        MattingResult result = remover.removeBackground(TestScenes.jpeg(scene.picture()));
        double iou = Masks.iou(result.mask(), scene.expectedMask(), 128);
        assertTrue(iou >= 0.9, "IoU " + iou);
    }

    @Test
    void returnsAPngWithTheMaskAsAlphaAndTheSourceColours() throws IOException {
        Scene scene = TestScenes.scene("rectangle", 640, 480, WHITE, RED, TestScenes.rectangle(640, 480));
        MattingResult result = remover.removeBackground(TestScenes.png(scene.picture()));
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(result.png()));
        assertEquals(640, png.getWidth());
        assertEquals(480, png.getHeight());
        assertTrue(png.getColorModel().hasAlpha());
        for (int[] p : new int[][] {{320, 240}, {5, 5}, {192, 120}, {448, 359}}) {
            int argb = png.getRGB(p[0], p[1]);
            assertEquals(result.mask()[p[1] * 640 + p[0]] & 0xff, argb >>> 24, "alpha at " + p[0] + "," + p[1]);
            int expectedColour = argb >>> 24 == 0 ? 0 : scene.picture().getRGB(p[0], p[1]) & 0xffffff; // invisible → black
            assertEquals(expectedColour, argb & 0xffffff, "colour at " + p[0] + "," + p[1]);
        }
        assertEquals(255, png.getRGB(320, 240) >>> 24);
        assertEquals(0, png.getRGB(5, 5) >>> 24);
    }

    @Test
    void sharesOneModelAcrossConcurrentCallers() throws Exception {
        List<byte[]> images = List.of(
                TestScenes.png(scenes().toList().get(0).picture()),
                TestScenes.png(scenes().toList().get(2).picture()));
        List<byte[]> expected = images.stream().map(image -> remover.removeBackground(image).mask()).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> masks = IntStream.range(0, 8)
                    .mapToObj(i -> pool.submit(() -> remover.removeBackground(images.get(i % 2)).mask()))
                    .toList();
            for (int i = 0; i < masks.size(); i++) {
                assertArrayEquals(expected.get(i % 2), masks.get(i).get(), "call " + i);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void refusesBytesThatAreNotAnImage() {
        InvalidImageException e = assertThrows(InvalidImageException.class,
                () -> remover.removeBackground("definitely not a picture".getBytes()));
        assertTrue(e.getMessage().contains("not a decodable image"), e.getMessage());
    }
}
