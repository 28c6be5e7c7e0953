package com.sartiq.hub.processors.matting;

import org.junit.jupiter.api.Test;

import static com.sartiq.hub.processors.matting.LanczosResamplerTest.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MasksTest {

    @Test
    void countsPixelsAtOrAboveTheThresholdAsForeground() {
        byte[] a = bytes(255, 255, 0, 0);
        byte[] b = bytes(128, 0, 255, 0);
        assertEquals(1.0 / 3, Masks.iou(a, b, 128)); // {0, 1} ∩ {0, 2} over {0, 1, 2}
        assertEquals(0.0, Masks.iou(a, b, 129));     // b's 128 is background now: {0, 1} ∩ {2}
    }

    @Test
    void identicalMasksScoreOneAndDisjointOnesZero() {
        byte[] a = bytes(255, 0, 255, 0);
        assertEquals(1.0, Masks.iou(a, a.clone(), 128));
        assertEquals(0.0, Masks.iou(a, bytes(0, 255, 0, 255), 128));
    }

    @Test
    void twoEmptyMasksAgree() {
        assertEquals(1.0, Masks.iou(new byte[4], new byte[4], 128));
    }

    @Test
    void refusesMasksOfDifferentSizes() {
        assertThrows(IllegalArgumentException.class, () -> Masks.iou(new byte[4], new byte[5], 128));
    }
}
