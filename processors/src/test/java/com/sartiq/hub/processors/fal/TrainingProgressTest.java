package com.sartiq.hub.processors.fal;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TrainingProgressTest {

    @Test
    void theNewestStepLineTells() {
        List<String> logs = List.of("Preprocessing 4 images", "Training step 100/1000", "Training step 250/1000");
        assertEquals(0.25, TrainingProgress.fraction(logs));
        assertEquals(30, TrainingProgress.percent(logs));
    }

    @Test
    void tqdmBarsAndPercentagesAreRead() {
        assertEquals(0.5, TrainingProgress.fraction(List.of("Training:  50%|█████     | 500/1000 [02:10<02:10, 3.8it/s]")));
        assertEquals(0.4, TrainingProgress.fraction(List.of("uploading", "progress 40 %")));
    }

    @Test
    void linesWithoutProgressAreSkippedAndNothingKnownIsTen() {
        assertEquals(0.1, TrainingProgress.fraction(List.of("step 100/1000", "caching latents")));
        assertNull(TrainingProgress.fraction(List.of("Preprocessing 4 images", "7/0 nonsense", "12/5 also nonsense")));
        assertEquals(10, TrainingProgress.percent(List.of()));
        assertEquals(90, TrainingProgress.percent(List.of("step 1000/1000")));
    }

    @Test
    void aStatusInProgressReportsItsTrainingProgress() {
        FalStatus status = new FalStatus("IN_PROGRESS", null, null, null, List.of("Training step 750/1000"));
        assertEquals(70, status.trainingProgress());
        assertEquals(10, new FalStatus("IN_QUEUE", 2, null, null, null).trainingProgress());
    }
}
