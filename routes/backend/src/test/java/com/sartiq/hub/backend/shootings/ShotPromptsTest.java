package com.sartiq.hub.backend.shootings;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ShotPromptsTest {

    private static Map<String, Object> source() {
        Map<String, Object> source = new HashMap<>();
        source.put("shot_id", "s");
        source.put("shot_type_id", "t");
        source.put("shot_type_name", "Front full body");
        source.put("framing", "FULL_BODY");
        source.put("view_angle", "FRONT");
        source.put("product_id", "p");
        source.put("product_name", "Linen dress");
        source.put("subject_id", "u");
        source.put("subject_name", "Anna");
        source.put("style_id", "y");
        source.put("style_name", "Studio");
        source.put("background_name", "White seamless");
        source.put("width", 768);
        source.put("height", 1152);
        source.put("outfit_instruction", "Tuck the shirt in");
        return source;
    }

    @Test
    void thePromptNamesSubjectProductShotStyleBackgroundAndOutfit() {
        assertThat(ShotPrompts.prompt(source())).isEqualTo("Fashion photograph of Anna wearing Linen dress, Front full body shot (FULL_BODY, FRONT view), "
                + "in the Studio style, background: White seamless. Outfit: Tuck the shirt in.");
    }

    @Test
    void aLookWithoutDetailsStillHasAPrompt() {
        Map<String, Object> bare = new HashMap<>();
        bare.put("shot_type_name", "Detail");
        assertThat(ShotPrompts.prompt(bare)).isEqualTo("Fashion photograph, Detail shot.");
    }

    @Test
    void theBodyCarriesTheLooksIdsSizeAndPredictionCount() {
        Map<String, Object> body = ShotPrompts.generationBody(source(), 3, "m");
        assertThat(body).containsEntry("product_id", "p").containsEntry("subject_id", "u").containsEntry("style_id", "y")
                .containsEntry("shot_type_id", "t").containsEntry("width", 768).containsEntry("height", 1152)
                .containsEntry("batch_size", 3).containsEntry("model_id", "m");
        Map<String, Object> noSize = source();
        noSize.remove("width");
        noSize.remove("height");
        noSize.remove("style_id");
        Map<String, Object> defaults = ShotPrompts.generationBody(noSize, 1, null);
        assertThat(defaults).containsEntry("width", 1024).containsEntry("height", 1024).doesNotContainKeys("model_id", "style_id");
    }
}
