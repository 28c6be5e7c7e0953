package com.sartiq.hub.backend.generations;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sartiq.hub.backend.tenancy.Scope;
import com.sartiq.hub.common.rest.FieldError;
import com.sartiq.hub.common.rest.JsonRequestReader;
import com.sartiq.hub.common.rest.RequestValidationException;
import jakarta.validation.Validation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** GenerationCreate's field and combination rules, prompt building, catalog references and what a prediction asks of compute. */
class GenerationRequestsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    private static final JsonRequestReader READER = new JsonRequestReader(MAPPER, Validation.buildDefaultValidatorFactory().getValidator());
    private static final Scope ORG = new Scope("11111111-1111-1111-1111-111111111111", false, "22222222-2222-2222-2222-222222222222", "member");

    private static GenerationCreate read(String json) {
        GenerationCreate request = READER.read(json, GenerationCreate.class);
        request.checkCombinations();
        return request;
    }

    private static List<String> fields(RequestValidationException e) {
        return e.errors().stream().map(FieldError::loc).map(loc -> String.valueOf(loc.get(1))).toList();
    }

    @Test
    void everyBadFieldIsOneEntry() {
        var failure = catchThrowableOfType(() -> read("{\"subject_id\":\"x\",\"width\":10,\"batch_size\":9,\"subject_lora_weight\":2,"
                + "\"product_image\":\"ftp://a\"}"), RequestValidationException.class);
        assertThat(fields(failure)).containsExactly("batch_size", "product_image", "subject_id", "subject_lora_weight", "width");
        assertThat(failure.errors()).allMatch(e -> e.loc().get(0).equals("body"));
    }

    @Test
    void anUnknownEnumValueIsRefused() {
        var failure = catchThrowableOfType(() -> read("{\"prompt\":\"p\",\"generation_type\":\"MAGIC\"}"), RequestValidationException.class);
        assertThat(fields(failure)).containsExactly("generation_type");
    }

    @Test
    void eachCatalogInputIsNamedOneWayOnly() {
        var failure = catchThrowableOfType(() -> read("{\"subject_id\":\"" + ORG.userId() + "\",\"subject_slug\":\"anna\","
                + "\"product_slug\":\"SKU1\",\"product_image\":\"https://cdn/x.png\"}"), RequestValidationException.class);
        assertThat(fields(failure)).containsExactly("subject_slug", "product_image");
    }

    @Test
    void strategiesThatWorkOnAnImageNeedOne() {
        var failure = catchThrowableOfType(() -> read("{\"prompt\":\"p\",\"generation_strategy\":\"EDITING\"}"), RequestValidationException.class);
        assertThat(fields(failure)).containsExactly("input_image_url");
        assertThat(failure.errors().get(0).type()).isEqualTo("missing");
    }

    @Test
    void theCallersPromptWinsAndTheExtraPromptIsAppended() {
        GenerationCreate request = read("{\"prompt\":\"a red dress\",\"extra_prompt\":\"film grain\",\"lighting\":\"soft\"}");
        assertThat(PromptBuilder.forGeneration(request, CatalogInputs.NONE)).isEqualTo("a red dress, film grain");
    }

    @Test
    void withoutAPromptTheCatalogDescribesThePicture() {
        GenerationCreate request = read("{\"lighting\":\"soft studio\",\"background\":\"white\",\"pose\":\"hands on hips\"}");
        CatalogInputs inputs = new CatalogInputs(
                new CatalogInputs.Ref("s", "Anna", "a tall woman with short red hair", null, null, null, null, null, null, null),
                new CatalogInputs.Ref("p", "Riviera", null, null, null, null, null, "dress", null, null), null,
                new CatalogInputs.Ref("st", "Editorial", null, "high fashion editorial", "SQSTYLE", null, null, null, null, null),
                new CatalogInputs.Ref("t", "Full", null, null, null, null, null, null, "FULL_BODY", "Front"), null);
        assertThat(PromptBuilder.forGeneration(request, inputs)).isEqualTo("SQSTYLE, a fashion photograph of a tall woman with short red hair "
                + "wearing Riviera (dress), full body shot, front view, pose: hands on hips, soft studio lighting, white background, "
                + "high fashion editorial");
    }

    @Test
    void nothingToDescribeIsAMissingPrompt() {
        var failure = catchThrowableOfType(() -> GenerationRequests.newGeneration(read("{\"width\":512}"), MAPPER.createObjectNode(),
                CatalogInputs.NONE, ORG, null, 1, MAPPER), RequestValidationException.class);
        assertThat(fields(failure)).containsExactly("prompt");
    }

    @Test
    void aNamedInputTheCallerCannotUseIsNotFoundOnItsField() {
        GenerationCreate request = read("{\"prompt\":\"p\",\"style_slug\":\"noir\",\"product2_id\":\"" + ORG.userId() + "\"}");
        Map<String, Object> row = new java.util.HashMap<>();
        row.put("style", null);
        row.put("product2", null);
        var failure = catchThrowableOfType(() -> CatalogInputs.of(row, request, MAPPER), RequestValidationException.class);
        assertThat(fields(failure)).containsExactly("product2_id", "style_slug");
        assertThat(failure.errors().get(0).msg()).isEqualTo("Product not found");
    }

    @Test
    void aNewGenerationBelongsToTheScopeAndItsShot() {
        ObjectNode raw = (ObjectNode) READER.readObject("{\"prompt\":\"p\",\"batch_size\":2,\"product_lora_weight\":0.5}");
        Map<String, Object> row = GenerationRequests.newGeneration(READER.read(raw, GenerationCreate.class), raw, CatalogInputs.NONE, ORG,
                "33333333-3333-3333-3333-333333333333", 42, MAPPER);
        assertThat(row).containsEntry("organizationId", ORG.organizationId()).containsEntry("ownerId", ORG.userId())
                .containsEntry("shotId", "33333333-3333-3333-3333-333333333333").containsEntry("seed", 42L).containsEntry("batchSize", 2)
                .containsEntry("generationType", "BASE").containsEntry("generationStrategy", "GENERATE").containsEntry("width", 1024);
    }

    @Test
    void aPlainGenerationsPredictionIsOneTaskWithItsSeedLoraWeightsAndIdentity() {
        Map<String, Object> generation = new java.util.HashMap<>(Map.of("id", "gid", "generation_strategy", "GENERATE", "prompt", "p",
                "width", 512, "height", 768, "params", "{\"product_lora_weight\":0.5}", "organization_id", ORG.organizationId()));
        var submissions = Submissions.of(generation, List.of(Map.of("id", "pid", "seed", 8L)), "http://hook", MAPPER);
        assertThat(submissions).hasSize(1);
        assertThat(submissions.get(0).workflow()).isFalse();
        assertThat(submissions.get(0).idempotencyKey()).isEqualTo("prediction-pid");
        assertThat(submissions.get(0).request()).containsEntry("task_type", "GENERATION").containsEntry("seed", 8L)
                .containsEntry("product_lora_weight", 0.5).containsEntry("entity_id", "pid")
                .containsEntry("webhook_url", "http://hook").containsEntry("origin_tenant_id", ORG.organizationId());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRefinesPredictionIsARefineWorkflowOnTheSourceImage() {
        Map<String, Object> generation = Map.of("id", "gid", "generation_strategy", "REFINE", "prompt", "p", "width", 512, "height", 512,
                "params", "{\"generation_strategy\":\"REFINE\",\"input_image_url\":\"https://cdn/a.png\",\"scale_factor\":2,"
                        + "\"source_prediction_id\":\"x\"}");
        var submission = Submissions.of(generation, List.of(Map.of("id", "pid", "seed", 1L)), "http://hook", MAPPER).get(0);
        assertThat(submission.workflow()).isTrue();
        assertThat(submission.idempotencyKey()).isEqualTo("prediction-pid");
        assertThat(submission.request()).containsEntry("template", "refine").containsEntry("webhook_url", "http://hook");
        assertThat((Map<String, Object>) submission.request().get("inputs")).containsEntry("image_url", "https://cdn/a.png")
                .containsEntry("upscale_factor", 2.0).containsEntry("seed", 1L);
        assertThat((Map<String, Object>) submission.request().get("metadata")).containsEntry("prediction_ids", List.of("pid"))
                .containsEntry("generation_id", "gid").containsEntry("outputs", "LAST_IMAGE");
    }
}
