package com.sartiq.hub.backend.shootings;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShotImagesTest {

    @Test
    void onlyOurUrlsHaveAStorageKey() {
        assertThat(ShotImages.storageKey("https://cdn.example/media/1/file.png?v=2", "https://cdn.example/")).isEqualTo("media/1/file.png");
        assertThat(ShotImages.storageKey("https://cdn.example/results/a.webp", "https://cdn.example")).isEqualTo("results/a.webp");
        assertThat(ShotImages.storageKey("https://elsewhere.example/media/1/file.png", "https://cdn.example")).isNull();
        assertThat(ShotImages.storageKey("https://cdn.example/../secret", "https://cdn.example")).isNull();
        assertThat(ShotImages.storageKey("https://cdn.example/x.png", "")).isNull();
    }
}
