package com.sartiq.hub.processors.matting;

import org.junit.jupiter.api.Test;

import static com.sartiq.hub.processors.matting.LanczosResamplerTest.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class U2netPostprocessorTest {

    @Test
    void stretchesTheMapToTheFullRangeAndTruncatesInsteadOfRounding() {
        // 0.25·255 = 63.75 → 63 and 0.5·255 = 127.5 → 127, as numpy's astype("uint8")
        SaliencyMap map = new SaliencyMap(2, 2, new float[] {0f, 0.25f, 0.5f, 1f});
        assertArrayEquals(bytes(0, 63, 127, 255), U2netPostprocessor.toMask(map, 2, 2));
    }

    @Test
    void onlyRelativeSaliencyCounts() {
        SaliencyMap map = new SaliencyMap(2, 2, new float[] {2f, 3f, 4f, 6f});
        assertArrayEquals(bytes(0, 63, 127, 255), U2netPostprocessor.toMask(map, 2, 2));
    }

    @Test
    void aFlatMapGivesAnEmptyMask() {
        SaliencyMap map = new SaliencyMap(2, 2, new float[] {0.7f, 0.7f, 0.7f, 0.7f});
        assertArrayEquals(new byte[6], U2netPostprocessor.toMask(map, 3, 2));
    }

    @Test
    void resizesTheMaskBackToTheSourceSizeWithLanczos() {
        float[] values = new float[320 * 320];
        for (int y = 0; y < 320; y++) {
            for (int x = 160; x < 320; x++) {
                values[y * 320 + x] = 1f;
            }
        }
        byte[] mask = U2netPostprocessor.toMask(new SaliencyMap(320, 320, values), 640, 480);
        assertEquals(640 * 480, mask.length);
        assertEquals(0, mask[240 * 640 + 100]);
        assertEquals(255, mask[240 * 640 + 500] & 0xff);
        byte[] small = U2netPostprocessor.toMask(new SaliencyMap(2, 1, new float[] {0f, 1f}), 8, 1);
        assertArrayEquals(LanczosResampler.resize(bytes(0, 255), 2, 1, 1, 8, 1), small);
    }
}
