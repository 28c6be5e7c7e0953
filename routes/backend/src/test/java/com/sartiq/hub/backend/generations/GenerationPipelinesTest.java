package com.sartiq.hub.backend.generations;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.sartiq.hub.backend.generations.GenerationPipelines.Outputs;
import com.sartiq.hub.backend.generations.GenerationPipelines.Pipeline;
import com.sartiq.hub.common.rest.FieldError;
import com.sartiq.hub.common.rest.JsonRequestReader;
import com.sartiq.hub.common.rest.RequestValidationException;
import jakarta.validation.Validation;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The strategy table: which pipeline a request runs, what it refuses, and the inputs every template is given. */
class GenerationPipelinesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    private static final JsonRequestReader READER = new JsonRequestReader(MAPPER, Validation.buildDefaultValidatorFactory().getValidator());
    private static final String IMAGE = ",\"input_image_url\":\"https://cdn/in.png\"";

    private static GenerationCreate read(String json) {
        GenerationCreate request = READER.read(json, GenerationCreate.class);
        request.checkCombinations();
        return request;
    }

    private static Pipeline pipeline(String json) {
        return GenerationPipelines.of(read(json));
    }

    private static List<String> refused(String json) {
        var failure = catchThrowableOfType(() -> read(json), RequestValidationException.class);
        assertThat(failure).as("refused: " + json).isNotNull();
        return failure.errors().stream().map(FieldError::loc).map(loc -> String.valueOf(loc.get(1))).toList();
    }

    @Test
    void aPlainBaseGenerationStaysOneTask() {
        assertThat(pipeline("{\"prompt\":\"p\"}").task()).isTrue();
        assertThat(pipeline("{\"prompt\":\"p\",\"refine\":false,\"batch_size\":4}").task()).isTrue();
    }

    @Test
    void eachRequestPicksItsTemplate() {
        assertThat(pipeline("{\"prompt\":\"p\",\"refine\":true}")).isEqualTo(new Pipeline("base-refine", Outputs.LAST_IMAGE));
        assertThat(pipeline("{\"prompt\":\"p\",\"product_image\":\"https://cdn/p.png\"}")).isEqualTo(new Pipeline("product-shot", Outputs.LAST_IMAGE));
        assertThat(pipeline("{\"prompt\":\"p\",\"product_image\":\"https://cdn/p.png\",\"refine\":true}").template()).isEqualTo("product-shot");
        assertThat(pipeline("{\"prompt\":\"p\",\"generation_type\":\"AGENTIC\"}")).isEqualTo(new Pipeline("agentic", Outputs.ATTEMPTS));
        assertThat(pipeline("{\"prompt\":\"p\",\"shot_types\":[\"front full body\",\"back\"]}")).isEqualTo(new Pipeline("shot-types", Outputs.ITEMS));
        assertThat(pipeline("{\"prompt\":\"p\",\"shot_types\":[\"front\"],\"refine\":true}").template()).isEqualTo("shot-types");
        Map<String, String> byStrategy = Map.of("EDITING", "editing", "REFINE", "refine", "VIDEO", "video", "BACKGROUND_FIXING", "background-fix",
                "FACE_FIXING", "face-fix", "IMAGE_ADJUSTING", "image-adjust");
        byStrategy.forEach((strategy, template) ->
                assertThat(pipeline("{\"prompt\":\"p\",\"generation_strategy\":\"" + strategy + "\"" + IMAGE + "}").template()).isEqualTo(template));
        assertThat(pipeline("{\"prompt\":\"p\",\"generation_strategy\":\"EDITING\",\"refine\":true" + IMAGE + "}").template()).isEqualTo("editing");
        assertThat(pipeline("{\"prompt\":\"p\",\"generation_strategy\":\"EDITING\",\"product_image\":\"https://cdn/p.png\"" + IMAGE + "}").template())
                .isEqualTo("editing-try-on");
    }

    @Test
    void onlyAForEachSharesOneWorkflowAmongThePredictions() {
        assertThat(pipeline("{\"prompt\":\"p\",\"shot_types\":[\"a\"]}").perPrediction()).isFalse();
        assertThat(pipeline("{\"prompt\":\"p\",\"generation_type\":\"AGENTIC\"}").perPrediction()).isTrue();
        assertThat(pipeline("{\"prompt\":\"p\",\"refine\":true}").perPrediction()).isTrue();
    }

    @Test
    void combinationsNoPipelineMakesAreRefusedOnTheFieldThatAsksForThem() {
        assertThat(refused("{\"prompt\":\"p\",\"generation_type\":\"AGENTIC\",\"generation_strategy\":\"VIDEO\"" + IMAGE + "}"))
                .containsExactly("generation_strategy");
        assertThat(refused("{\"prompt\":\"p\",\"shot_types\":[\"a\",\"b\"],\"batch_size\":2}")).containsExactly("batch_size");
        assertThat(refused("{\"prompt\":\"p\",\"shot_types\":[\"a\"],\"generation_type\":\"AGENTIC\"}")).containsExactly("shot_types");
        assertThat(refused("{\"prompt\":\"p\",\"generation_type\":\"AGENTIC\",\"refine\":true}")).containsExactly("refine");
        assertThat(refused("{\"prompt\":\"p\",\"generation_strategy\":\"VIDEO\",\"refine\":true" + IMAGE + "}")).containsExactly("refine");
        assertThat(refused("{\"prompt\":\"p\",\"generation_type\":\"AGENTIC\",\"max_attempts\":4,\"min_confidence_score\":1.5,"
                + "\"evaluation_provider\":\"openai\"}")).containsExactly("evaluation_provider", "max_attempts", "min_confidence_score");
        assertThat(refused("{\"prompt\":\"p\",\"generation_type\":\"AGENTIC\",\"product_image\":\"https://cdn/p.png\"}"))
                .containsExactly("product_image");
        assertThat(refused("{\"prompt\":\"p\",\"shot_types\":[]}")).containsExactly("shot_types");
    }

    @Test
    void everyTemplateIsGivenTheGenerationsValuesAndNoEmptyOnes() {
        GenerationCreate request = read("{\"prompt\":\"p\",\"subject_lora_weight\":0.8,\"product_image\":\"https://cdn/p.png\",\"scale_factor\":2,"
                + "\"refine\":true}");
        Map<String, Object> inputs = GenerationPipelines.inputs(request, generation(), List.of(prediction("a", 11, null, null)));
        assertThat(inputs).containsEntry("prompt", "a linen dress").containsEntry("width", 512).containsEntry("height", 768)
                .containsEntry("seed", 11L).containsEntry("subject_lora_weight", 0.8).containsEntry("product_image_url", "https://cdn/p.png")
                .containsEntry("upscale_factor", 2.0).containsEntry("refine", true)
                .doesNotContainKeys("negative_prompt", "style_lora_weight", "image_url", "min_score", "shots");
    }

    @Test
    void anAgenticGenerationRetriesBelowTheThresholdWhileAttemptsRemain() {
        Map<String, Object> byDefault = GenerationPipelines.inputs(read("{\"prompt\":\"p\",\"generation_type\":\"AGENTIC\"}"), generation(),
                List.of(prediction("a", 1, null, null)));
        assertThat(byDefault).containsEntry("min_score", 0.7).containsEntry("retry_below_1", 0.7).containsEntry("retry_below_2", 0.7)
                .doesNotContainKey("evaluation_provider");
        Map<String, Object> twoAttempts = GenerationPipelines.inputs(read("{\"prompt\":\"p\",\"generation_type\":\"AGENTIC\",\"max_attempts\":2,"
                + "\"min_confidence_score\":0.8,\"evaluation_provider\":\"auto\"}"), generation(), List.of(prediction("a", 1, null, null)));
        assertThat(twoAttempts).containsEntry("min_score", 0.8).containsEntry("retry_below_1", 0.8).containsEntry("retry_below_2", 0.0);
    }

    @Test
    void shotTypesAreTheItemsWithTheirPredictionsSeeds() {
        GenerationCreate request = read("{\"prompt\":\"p\",\"shot_types\":[\"front\",\"back\"]}");
        Map<String, Object> inputs = GenerationPipelines.inputs(request, generation(),
                List.of(prediction("a", 5, "front", 0), prediction("b", 6, "back", 1)));
        assertThat(inputs.get("shots")).isEqualTo(List.of(Map.of("shot_type", "front", "seed", 5L), Map.of("shot_type", "back", "seed", 6L)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aForEachIsOneSubmissionKeyedByTheGenerationAndAgenticOnePerPrediction() {
        Map<String, Object> shots = generation();
        shots.put("params", "{\"prompt\":\"p\",\"shot_types\":[\"front\",\"back\"]}");
        var one = Submissions.of(shots, List.of(prediction("a", 5, "front", 0), prediction("b", 6, "back", 1)), "http://hook", MAPPER);
        assertThat(one).hasSize(1);
        assertThat(one.get(0).idempotencyKey()).isEqualTo("generation-gid");
        assertThat(one.get(0).predictionIds()).containsExactly("a", "b");
        assertThat((Map<String, Object>) one.get(0).request().get("metadata")).containsEntry("outputs", "ITEMS");

        Map<String, Object> agentic = generation();
        agentic.put("params", "{\"prompt\":\"p\",\"generation_type\":\"AGENTIC\"}");
        var each = Submissions.of(agentic, List.of(prediction("a", 5, null, null), prediction("b", 6, null, null)), "http://hook", MAPPER);
        assertThat(each).extracting(Submissions.Submission::idempotencyKey).containsExactly("prediction-a", "prediction-b");
        assertThat(each).allMatch(s -> s.workflow() && "agentic".equals(s.request().get("template")));
        assertThat((Map<String, Object>) each.get(1).request().get("inputs")).containsEntry("seed", 6L);
    }

    private static Map<String, Object> generation() {
        return new HashMap<>(Map.of("id", "gid", "prompt", "a linen dress", "width", 512, "height", 768, "params", "{}"));
    }

    private static Map<String, Object> prediction(String id, long seed, String shotType, Integer item) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", id);
        row.put("seed", seed);
        row.put("shot_type", shotType);
        row.put("workflow_item", item);
        return row;
    }
}
