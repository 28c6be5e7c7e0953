package com.sartiq.hub.processors.matting;

import com.sartiq.hub.processors.matting.MattingOptions.Output;
import com.sartiq.hub.processors.matting.TestScenes.Scene;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The outputs and options of {@link BackgroundRemover}, with the bundled demo model on scenes of known truth. */
class MattingOutputsTest {

    private static final Color WHITE = new Color(255, 255, 255);
    private static final Color RED = new Color(200, 30, 40);

    private static MattingModel model;
    private static BackgroundRemover remover;
    private static Scene scene;
    private static byte[] png;

    @BeforeAll
    static void loadModel() {
        model = MattingModel.loadBundledDemo(1);
        remover = new BackgroundRemover(model);
        scene = TestScenes.scene("red rectangle on white 400x300", 400, 300, WHITE, RED, TestScenes.rectangle(400, 300));
        png = TestScenes.png(scene.picture());
    }

    @AfterAll
    static void closeModel() {
        model.close();
    }

    @Test
    void maskOutputIsTheCutoutsAlphaAsGreyPng() throws IOException {
        MattingResult cutout = remover.removeBackground(png);
        MattingResult mask = remover.removeBackground(png, new MattingOptions(Output.MASK, null, null, false, 0, false));
        assertArrayEquals(cutout.mask(), mask.mask());
        BufferedImage grey = read(mask.png());
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, grey.getType());
        int[] samples = grey.getRaster().getPixels(0, 0, 400, 300, (int[]) null);
        for (int i = 0; i < samples.length; i += 997) {
            assertEquals(mask.mask()[i] & 0xff, samples[i], "sample " + i);
        }
    }

    @Test
    void compositeOnAColourBlendsWithTheMask() throws IOException {
        MattingResult result = remover.removeBackground(png, new MattingOptions(Output.COMPOSITE, 0x00ff00, null, false, 0, false));
        BufferedImage composite = read(result.png());
        assertFalse(composite.getColorModel().hasAlpha());
        assertEquals(0x00ff00, composite.getRGB(5, 5) & 0xffffff, "background replaced");
        assertEquals(RED.getRGB() & 0xffffff, composite.getRGB(200, 150) & 0xffffff, "subject kept");
        // an edge pixel: round((fg·a + bg·(255 − a)) / 255) per channel
        for (int x = 100; x < 140; x++) {
            int a = result.mask()[150 * 400 + x] & 0xff;
            if (a > 0 && a < 255) {
                int src = scene.picture().getRGB(x, 150);
                int expectedGreen = (((src >> 8) & 0xff) * a + 255 * (255 - a) + 127) / 255;
                assertEquals(expectedGreen, (composite.getRGB(x, 150) >> 8) & 0xff, "green at " + x);
            }
        }
    }

    @Test
    void compositeOnAnImageCoversThePictureWithTheBackground() throws IOException {
        // a 100×300 background: left third blue, rest yellow; covering 400×300 scales it ×4 and keeps its middle
        BufferedImage background = new BufferedImage(100, 300, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < 300; y++) {
            for (int x = 0; x < 100; x++) {
                background.setRGB(x, y, y < 150 ? 0x0000ff : 0xffff00);
            }
        }
        MattingResult result = remover.removeBackground(png,
                new MattingOptions(Output.COMPOSITE, null, TestScenes.png(background), false, 0, false));
        BufferedImage composite = read(result.png());
        assertEquals(400, composite.getWidth());
        assertEquals(0x0000ff, composite.getRGB(5, 10) & 0xffffff, "top of the background");
        assertEquals(0xffff00, composite.getRGB(395, 290) & 0xffffff, "bottom of the background");
        assertEquals(RED.getRGB() & 0xffffff, composite.getRGB(200, 150) & 0xffffff, "subject on top");
    }

    @Test
    void cropKeepsTheSubjectsBoxAndTheMargin() throws IOException {
        // the subject is x 120..279, y 75..224
        MattingResult tight = remover.removeBackground(png, new MattingOptions(Output.CUTOUT, null, null, true, 0, false));
        MattingResult.Region box = tight.region();
        assertTrue(Math.abs(box.x() - 120) <= 4 && Math.abs(box.y() - 75) <= 4, box.toString());
        assertTrue(Math.abs(box.width() - 160) <= 8 && Math.abs(box.height() - 150) <= 8, box.toString());
        BufferedImage cut = read(tight.png());
        assertEquals(box.width(), cut.getWidth());
        assertEquals(box.height(), cut.getHeight());
        assertEquals(box.width() * box.height(), tight.mask().length);

        MattingResult margin = remover.removeBackground(png, new MattingOptions(Output.CUTOUT, null, null, true, 20, false));
        assertEquals(box.x() - 20, margin.region().x());
        assertEquals(box.width() + 40, margin.region().width());
        MattingResult huge = remover.removeBackground(png, new MattingOptions(Output.MASK, null, null, true, 4000, false));
        assertEquals(new MattingResult.Region(0, 0, 400, 300), huge.region(), "the margin stops at the border");
    }

    @Test
    void refinedEdgesStillMatchTheSubject() {
        MattingResult refined = remover.removeBackground(png, new MattingOptions(Output.CUTOUT, null, null, false, 0, true));
        double iou = Masks.iou(refined.mask(), scene.expectedMask(), 128);
        assertTrue(iou >= 0.9, "IoU " + iou);
    }

    @Test
    void aSidewaysJpegIsMattedUpright() {
        // stored rotated 90° counter-clockwise with orientation 6: decoding turns it back, mask fits the upright truth
        Scene shirt = TestScenes.scene("T-shirt", 300, 400, new Color(30, 70, 200), new Color(240, 200, 40), TestScenes.tShirt(300, 400));
        BufferedImage stored = new BufferedImage(400, 300, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < 400; y++) {
            for (int x = 0; x < 300; x++) {
                stored.setRGB(y, 299 - x, shirt.picture().getRGB(x, y));
            }
        }
        byte[] jpeg = ExifOrientationTest.withExif(TestScenes.jpeg(stored), ExifOrientationTest.tiff(6, ByteOrder.BIG_ENDIAN));
        MattingResult result = remover.removeBackground(jpeg);
        assertEquals(300, result.width());
        assertEquals(400, result.height());
        double iou = Masks.iou(result.mask(), shirt.expectedMask(), 128);
        assertTrue(iou >= 0.9, "IoU " + iou);
    }

    @Test
    void aBackgroundThatIsNoImageIsNamed() {
        InvalidImageException e = assertThrows(InvalidImageException.class, () -> remover.removeBackground(png,
                new MattingOptions(Output.COMPOSITE, null, "nope".getBytes(), false, 0, false)));
        assertTrue(e.getMessage().startsWith("background image: "), e.getMessage());
    }

    @Test
    void imagesAboveThePixelLimitAreRefusedFromTheirHeader() {
        BackgroundRemover strict = new BackgroundRemover(model, ModelContract.U2NET, 400L * 300 - 1);
        InvalidImageException e = assertThrows(InvalidImageException.class, () -> strict.removeBackground(png));
        assertTrue(e.getMessage().contains("too large"), e.getMessage());
    }

    @Test
    void optionsThatContradictEachOtherAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new MattingOptions(Output.COMPOSITE, null, null, false, 0, false));
        assertThrows(IllegalArgumentException.class, () -> new MattingOptions(Output.COMPOSITE, 0, new byte[1], false, 0, false));
        assertThrows(IllegalArgumentException.class, () -> new MattingOptions(Output.MASK, 0, null, false, 0, false));
        assertThrows(IllegalArgumentException.class, () -> new MattingOptions(Output.CUTOUT, null, null, true, -1, false));
    }

    @Test
    void aModelWhoseDeclaredInputDiffersFromTheContractIsRefused() {
        MattingModelException e = assertThrows(MattingModelException.class,
                () -> new BackgroundRemover(model, ModelContract.ISNET_GENERAL_USE, 1000));
        assertTrue(e.getMessage().contains("320") && e.getMessage().contains("1024"), e.getMessage());
    }

    @Test
    void reportsTheTimeOfEveryStage() {
        MattingResult.StageTimes times = remover.removeBackground(png).times();
        assertTrue(times.decode() > 0 && times.preprocess() > 0 && times.inference() > 0 && times.postprocess() > 0 && times.encode() > 0, times.toString());
        assertEquals(times.total() - times.inference(), times.overhead());
    }

    private static BufferedImage read(byte[] bytes) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(bytes));
    }
}
