package com.sartiq.hub.processors.matting;

import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Expected floats are numpy's {@code np.float32((v − mean) / std)}, i.e. what rembg feeds the model. */
class U2netPreprocessorTest {

    private static final int PLANE = 320 * 320;

    private final U2netPreprocessor preprocessor = U2netPreprocessor.u2net();

    @Test
    void normalisesEachChannelWithImageNetMeanAndStd() {
        FloatBuffer tensor = tensorOf(constant(320, 320, 255, 0, 0));
        assertPlane(tensor, 0, 2.2489083f);   // (1 − 0.485) / 0.229
        assertPlane(tensor, 1, -2.0357144f);  // (0 − 0.456) / 0.224
        assertPlane(tensor, 2, -1.8044444f);  // (0 − 0.406) / 0.225
    }

    @Test
    void dividesByTheImagesOwnMaximumSoDarkImagesAreStretched() {
        FloatBuffer tensor = tensorOf(constant(320, 320, 100, 50, 0));
        assertPlane(tensor, 0, 2.2489083f);   // 100 / 100 = 1
        assertPlane(tensor, 1, 0.19642857f);  // 50 / 100 = 0.5
        assertPlane(tensor, 2, -1.8044444f);
    }

    @Test
    void anAllBlackImageGivesMinusMeanOverStdInsteadOfNaN() {
        FloatBuffer tensor = tensorOf(constant(320, 320, 0, 0, 0));
        assertPlane(tensor, 0, (float) (-0.485 / 0.229));
        assertPlane(tensor, 2, (float) (-0.406 / 0.225));
    }

    @Test
    void laysTheTensorOutChannelByChannelRowByRow() {
        RgbImage image = constant(320, 320, 0, 0, 0);
        int pixel = 7 * 320 + 5; // x 5, y 7
        image.pixels()[pixel * 3] = (byte) 255;
        image.pixels()[pixel * 3 + 1] = (byte) 128;
        FloatBuffer tensor = tensorOf(image);
        assertEquals(2.2489083f, tensor.get(pixel));
        assertEquals(0.20518208f, tensor.get(PLANE + pixel)); // 128 / 255
        assertEquals((float) (-0.406 / 0.225), tensor.get(2 * PLANE + pixel));
        assertEquals((float) (-0.485 / 0.229), tensor.get(pixel + 1));
    }

    @Test
    void resizesAnySourceToTheModelSize() {
        FloatBuffer tensor = tensorOf(constant(640, 480, 60, 120, 240));
        assertPlane(tensor, 0, -1.0262009f);  // 60 / 240
        assertPlane(tensor, 1, 0.19642857f);  // 120 / 240
        assertPlane(tensor, 2, 2.64f);        // 240 / 240
    }

    @Test
    void reusesOneDirectNativeOrderBuffer() {
        FloatBuffer buffer = preprocessor.newInputBuffer();
        assertTrue(buffer.isDirect());
        assertEquals(ByteOrder.nativeOrder(), buffer.order());
        preprocessor.writeTensor(constant(320, 320, 255, 0, 0), buffer);
        preprocessor.writeTensor(constant(320, 320, 0, 0, 255), buffer);
        assertPlane(buffer, 2, 2.64f); // (1 − 0.406) / 0.225: the second image, whole
        assertEquals(0, buffer.position());
    }

    @Test
    void takesSizeMeanAndStdAsParameters() {
        U2netPreprocessor isnetLike = new U2netPreprocessor(4, new double[] {0.5, 0.5, 0.5}, new double[] {1, 1, 1});
        assertArrayEquals(new long[] {1, 3, 4, 4}, isnetLike.inputShape());
        FloatBuffer buffer = isnetLike.newInputBuffer();
        isnetLike.writeTensor(constant(9, 9, 255, 0, 255), buffer);
        float[] values = new float[buffer.capacity()];
        buffer.get(values);
        assertEquals(0.5f, values[0]);
        assertEquals(-0.5f, values[16]);
        assertThrows(IllegalArgumentException.class, () -> preprocessor.writeTensor(constant(4, 4, 0, 0, 0), buffer));
    }

    private FloatBuffer tensorOf(RgbImage image) {
        FloatBuffer buffer = preprocessor.newInputBuffer();
        preprocessor.writeTensor(image, buffer);
        return buffer;
    }

    private static void assertPlane(FloatBuffer tensor, int channel, float expected) {
        float[] plane = new float[PLANE];
        tensor.get(channel * PLANE, plane);
        float[] wanted = new float[PLANE];
        Arrays.fill(wanted, expected);
        assertArrayEquals(wanted, plane, "channel " + channel);
        assertFalse(Float.isNaN(plane[0]));
    }

    static RgbImage constant(int width, int height, int r, int g, int b) {
        byte[] pixels = new byte[width * height * 3];
        for (int i = 0; i < pixels.length; i += 3) {
            pixels[i] = (byte) r;
            pixels[i + 1] = (byte) g;
            pixels[i + 2] = (byte) b;
        }
        return new RgbImage(width, height, pixels);
    }
}
