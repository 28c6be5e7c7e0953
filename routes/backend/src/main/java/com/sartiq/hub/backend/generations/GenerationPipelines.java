package com.sartiq.hub.backend.generations;

import com.sartiq.hub.backend.generations.GenerationCreate.GenerationStrategy;
import com.sartiq.hub.backend.generations.GenerationCreate.GenerationType;
import com.sartiq.hub.common.rest.FieldError;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The strategy table: which compute pipeline a generation runs. The first row whose condition holds names a
 * workflow template of compute ({@code config/workflows/<template>.yaml}), or none for the plain case, which
 * stays one compute task (a pipeline of one GENERATION step is that task); and how the finished workflow's
 * outputs become predictions. Every template is given the same {@link #inputs inputs}, built from the stored
 * generation, and maps those it uses. Adding a strategy is a template and a row.
 */
public final class GenerationPipelines {

    /** How a finished workflow's node outputs become its predictions' results. */
    public enum Outputs {
        /** The image (or video) of the last step, in template order, that made one: one prediction per workflow. */
        LAST_IMAGE,
        /** Agentic: every evaluation step judges the image of the step it depends on; the first passing attempt, else the best. */
        ATTEMPTS,
        /** A for_each: item n of the last fanned-out step is prediction n's result; one workflow for all the predictions. */
        ITEMS
    }

    /** A row's answer: the template (null: one compute task) and how its outputs are read. */
    public record Pipeline(String template, Outputs outputs) {

        static final Pipeline TASK = new Pipeline(null, Outputs.LAST_IMAGE);

        public boolean task() {
            return template == null;
        }

        /** Whether each prediction runs its own workflow, rather than all of the generation's sharing one. */
        public boolean perPrediction() {
            return outputs != Outputs.ITEMS;
        }
    }

    private record Row(Predicate<GenerationCreate> applies, Pipeline pipeline) {
    }

    /** The agentic pipeline is unrolled to this many generate-and-evaluate attempts. */
    static final int MAX_ATTEMPTS = 3;
    static final double MIN_CONFIDENCE_SCORE = 0.7;

    private static final List<Row> TABLE = List.of(
            row(r -> r.type() == GenerationType.AGENTIC, "agentic", Outputs.ATTEMPTS),
            row(r -> r.strategy() == GenerationStrategy.GENERATE && r.shotTypes() != null, "shot-types", Outputs.ITEMS),
            row(r -> r.strategy() == GenerationStrategy.GENERATE && r.productImage() != null, "product-shot", Outputs.LAST_IMAGE),
            row(r -> r.strategy() == GenerationStrategy.GENERATE && r.refining(), "base-refine", Outputs.LAST_IMAGE),
            new Row(r -> r.strategy() == GenerationStrategy.GENERATE, Pipeline.TASK),
            row(r -> r.strategy() == GenerationStrategy.EDITING && r.productImage() != null, "editing-try-on", Outputs.LAST_IMAGE),
            row(r -> r.strategy() == GenerationStrategy.EDITING, "editing", Outputs.LAST_IMAGE),
            row(r -> r.strategy() == GenerationStrategy.REFINE, "refine", Outputs.LAST_IMAGE),
            row(r -> r.strategy() == GenerationStrategy.VIDEO, "video", Outputs.LAST_IMAGE),
            row(r -> r.strategy() == GenerationStrategy.BACKGROUND_FIXING, "background-fix", Outputs.LAST_IMAGE),
            row(r -> r.strategy() == GenerationStrategy.FACE_FIXING, "face-fix", Outputs.LAST_IMAGE),
            row(r -> r.strategy() == GenerationStrategy.IMAGE_ADJUSTING, "image-adjust", Outputs.LAST_IMAGE));

    private GenerationPipelines() {
    }

    private static Row row(Predicate<GenerationCreate> applies, String template, Outputs outputs) {
        return new Row(applies, new Pipeline(template, outputs));
    }

    /** The pipeline of a (valid) request. */
    public static Pipeline of(GenerationCreate request) {
        return TABLE.stream().filter(r -> r.applies().test(request)).findFirst().map(Row::pipeline)
                .orElseThrow(() -> new IllegalStateException("no pipeline for strategy " + request.strategy()));
    }

    /** Every template the table names (compute must know each one). */
    public static List<String> templates() {
        return TABLE.stream().map(r -> r.pipeline().template()).filter(Objects::nonNull).toList();
    }

    /** The combinations no pipeline makes, each a 422 entry on the field that asks for it. */
    public static List<FieldError> unsupported(GenerationCreate request) {
        List<FieldError> errors = new ArrayList<>();
        boolean agentic = request.type() == GenerationType.AGENTIC;
        if (agentic && request.strategy() != GenerationStrategy.GENERATE) {
            errors.add(FieldError.body("generation_strategy", "AGENTIC generations take generation_strategy GENERATE", "value_error"));
        }
        if (request.shotTypes() != null) {
            if (agentic || request.strategy() != GenerationStrategy.GENERATE) {
                errors.add(FieldError.body("shot_types", "shot_types are taken by BASE generations of generation_strategy GENERATE", "value_error"));
            }
            if (request.batchSize() != null && request.batchSize() > 1) {
                errors.add(FieldError.body("batch_size", "With shot_types each shot type is one prediction: leave batch_size out or give 1",
                        "value_error"));
            }
        }
        if (request.productImage() != null && (agentic || request.shotTypes() != null)) {
            errors.add(FieldError.body("product_image", "product_image makes a product shot (BASE, without shot_types), or a try-on (EDITING)",
                    "value_error"));
        }
        if (request.refining() && (agentic || request.strategy() != GenerationStrategy.GENERATE && request.strategy() != GenerationStrategy.EDITING)) {
            errors.add(FieldError.body("refine", "refine adds a refine step to BASE generations of generation_strategy GENERATE or EDITING",
                    "value_error"));
        }
        return errors;
    }

    /**
     * The workflow inputs of a generation's predictions (one, or all of a for_each): the stored prompt, size and
     * seed, the request's LoRA weights, images and refine flag, an agentic generation's thresholds and the shot
     * types with their seeds. Absent values are left out, so a template's {@code defaults} apply.
     */
    public static Map<String, Object> inputs(GenerationCreate request, Map<String, Object> generation, List<Map<String, Object>> predictions) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        put(inputs, "prompt", generation.get("prompt"));
        put(inputs, "negative_prompt", generation.get("negative_prompt"));
        put(inputs, "width", generation.get("width"));
        put(inputs, "height", generation.get("height"));
        put(inputs, "seed", predictions.get(0).get("seed"));
        put(inputs, "subject_lora_weight", request.subjectLoraWeight());
        put(inputs, "product_lora_weight", request.productLoraWeight());
        put(inputs, "product2_lora_weight", request.product2LoraWeight());
        put(inputs, "style_lora_weight", request.styleLoraWeight());
        put(inputs, "product_image_url", request.productImage());
        put(inputs, "image_url", request.inputImageUrl());
        put(inputs, "upscale_factor", request.scaleFactor());
        inputs.put("refine", request.refining());
        put(inputs, "brightness", request.brightness());
        put(inputs, "contrast", request.contrast());
        put(inputs, "saturation", request.saturation());
        put(inputs, "temperature", request.temperature());
        if (request.type() == GenerationType.AGENTIC) {
            double minScore = request.minConfidenceScore() == null ? MIN_CONFIDENCE_SCORE : request.minConfidenceScore();
            int attempts = request.maxAttempts() == null ? MAX_ATTEMPTS : request.maxAttempts();
            inputs.put("min_score", minScore);
            // attempt n+1 runs when attempt n scored below retry_below_<n>: the threshold while attempts remain, else 0 (never)
            for (int n = 1; n < MAX_ATTEMPTS; n++) {
                inputs.put("retry_below_" + n, n < attempts ? minScore : 0.0);
            }
        }
        if (request.shotTypes() != null) {
            List<Map<String, Object>> shots = new ArrayList<>();
            for (Map<String, Object> prediction : predictions) {
                shots.add(Map.of("shot_type", prediction.get("shot_type"), "seed", prediction.get("seed")));
            }
            inputs.put("shots", shots);
        }
        return inputs;
    }

    private static void put(Map<String, Object> inputs, String name, Object value) {
        if (value != null) {
            inputs.put(name, value);
        }
    }
}
