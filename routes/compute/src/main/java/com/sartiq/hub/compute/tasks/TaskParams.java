package com.sartiq.hub.compute.tasks;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * The type-specific part of a task request (the documented TaskCreateAPI union, flattened): one record
 * per task type. Limits are the ones the providers accept; the documented defaults are filled in here
 * so a stored task says exactly what was asked for.
 */
public sealed interface TaskParams {

    /** What an http(s) URL field must look like (storage or CDN URLs; the fetcher re-checks the target). */
    String URL = "(?i)https?://\\S+";
    String URL_MESSAGE = "URL scheme should be 'http' or 'https'";

    /**
     * GENERATION: text (plus optional references and LoRAs) to image.
     *
     * @param seed random when absent, then recorded so the task can be repeated
     */
    record Generation(
            @NotBlank @Size(max = 4000) String prompt,
            @Size(max = 4000) String negativePrompt,
            @Min(256) @Max(2048) Integer width,
            @Min(256) @Max(2048) Integer height,
            @Min(0) Long seed,
            @Min(1) @Max(4) Integer numOutputs,
            @DecimalMin("0") @DecimalMax("1") Double subjectLoraWeight,
            @DecimalMin("0") @DecimalMax("1") Double productLoraWeight,
            @DecimalMin("0") @DecimalMax("1") Double styleLoraWeight,
            @DecimalMin("0") @DecimalMax("1") Double product2LoraWeight,
            @Size(max = 2048) @Pattern(regexp = URL, message = URL_MESSAGE) String referenceImageUrl,
            @DecimalMin("0") @DecimalMax("1") Double referenceImageStrength,
            @Size(max = 64) String providerType) implements TaskParams {

        public Generation withDefaults(long randomSeed) {
            return new Generation(prompt, negativePrompt, width == null ? 1024 : width, height == null ? 1024 : height,
                    seed == null ? randomSeed : seed, numOutputs == null ? 1 : numOutputs, subjectLoraWeight, productLoraWeight,
                    styleLoraWeight, product2LoraWeight, referenceImageUrl, referenceImageStrength, providerType);
        }
    }

    /** EDITING: composite or modify an image (garment placement, try-on) following a prompt and references. */
    record Editing(
            @NotBlank @Size(max = 4000) String prompt,
            @NotNull @Size(max = 2048) @Pattern(regexp = URL, message = URL_MESSAGE) String imageUrl,
            @Size(max = 4) List<@NotNull @Size(max = 2048) @Pattern(regexp = URL, message = URL_MESSAGE) String> referenceImageUrls,
            @DecimalMin("0") @DecimalMax("1") Double strength,
            @Min(0) Long seed,
            @Size(max = 64) String providerType) implements TaskParams {
    }

    /** REFINE: upscale and enhance. */
    record Refine(
            @NotNull @Size(max = 2048) @Pattern(regexp = URL, message = URL_MESSAGE) String imageUrl,
            @Size(max = 4000) String prompt,
            @DecimalMin("1") @DecimalMax("4") Double upscaleFactor,
            @DecimalMin("0") @DecimalMax("1") Double creativity,
            @Min(0) Long seed,
            @Size(max = 64) String providerType) implements TaskParams {
    }

    /** VIDEO_GENERATION: a short clip from a still. */
    record VideoGeneration(
            @NotNull @Size(max = 2048) @Pattern(regexp = URL, message = URL_MESSAGE) String imageUrl,
            @NotBlank @Size(max = 4000) String prompt,
            @Min(1) @Max(10) Integer durationSeconds,
            @Pattern(regexp = "16:9|9:16|1:1", message = "aspect_ratio should be '16:9', '9:16' or '1:1'") String aspectRatio,
            @Min(0) Long seed,
            @Size(max = 64) String providerType) implements TaskParams {
    }

    /** BACKGROUND_FIX: replace an image's background with the one the prompt describes. */
    record BackgroundFix(
            @NotNull @Size(max = 2048) @Pattern(regexp = URL, message = URL_MESSAGE) String imageUrl,
            @NotBlank @Size(max = 4000) String prompt,
            @Min(0) Long seed,
            @Size(max = 64) String providerType) implements TaskParams {
    }

    /** FACE_ENHANCER: restore faces. */
    record FaceEnhancer(
            @NotNull @Size(max = 2048) @Pattern(regexp = URL, message = URL_MESSAGE) String imageUrl,
            @DecimalMin("0") @DecimalMax("1") Double strength,
            @Size(max = 64) String providerType) implements TaskParams {
    }

    /** IMAGE_ADJUSTER: colour and exposure; each adjustment from -1 (less) to 1 (more), 0 leaves it. */
    record ImageAdjuster(
            @NotNull @Size(max = 2048) @Pattern(regexp = URL, message = URL_MESSAGE) String imageUrl,
            @DecimalMin("-1") @DecimalMax("1") Double brightness,
            @DecimalMin("-1") @DecimalMax("1") Double contrast,
            @DecimalMin("-1") @DecimalMax("1") Double saturation,
            @DecimalMin("-1") @DecimalMax("1") Double temperature,
            @Size(max = 64) String providerType) implements TaskParams {
    }

    /** DETAIL_ENHANCER: general enhancement of fine detail (fabric, seams, hair). */
    record DetailEnhancer(
            @NotNull @Size(max = 2048) @Pattern(regexp = URL, message = URL_MESSAGE) String imageUrl,
            @Size(max = 4000) String prompt,
            @DecimalMin("0") @DecimalMax("1") Double strength,
            @Min(0) Long seed,
            @Size(max = 64) String providerType) implements TaskParams {
    }

    /**
     * BACKGROUND_REMOVE: cut the subject out of an image with the local U2NET model.
     *
     * @param output             {@code cutout} (default: RGBA PNG, source colours, mask as alpha), {@code mask}
     *                           (greyscale PNG) or {@code composite} (RGB PNG of the subject on a new background)
     * @param backgroundColor    composite onto this colour, {@code #RRGGBB}
     * @param backgroundImageUrl composite onto this image, scaled to cover the picture and centred
     * @param crop               crop the output to the subject's bounding box
     * @param cropMargin         pixels kept around that box on each side (default 0; ignored without crop)
     * @param refineEdges        snap the mask's soft edges to the picture's own edges (guided filter)
     */
    record BackgroundRemove(
            @NotNull @Size(max = 2048) @Pattern(regexp = URL, message = URL_MESSAGE) String imageUrl,
            @Pattern(regexp = "cutout|mask|composite", message = "Input should be 'cutout', 'mask' or 'composite'") String output,
            @Pattern(regexp = "#[0-9a-fA-F]{6}", message = "Input should be a colour like '#RRGGBB'") String backgroundColor,
            @Size(max = 2048) @Pattern(regexp = URL, message = URL_MESSAGE) String backgroundImageUrl,
            Boolean crop,
            @Min(0) @Max(4096) Integer cropMargin,
            Boolean refineEdges) implements TaskParams {

        private static final String URL = "(?i)https?://\\S+";
        private static final String URL_MESSAGE = "URL scheme should be 'http' or 'https'";

        public BackgroundRemove(String imageUrl) {
            this(imageUrl, null, null, null, null, null, null);
        }

        /** The output kind, {@code cutout} when absent. */
        public String outputOrDefault() {
            return output == null ? "cutout" : output;
        }

        /**
         * A composite names exactly one background; the other outputs name none. (Named apart from the fields:
         * Jackson would otherwise apply this accessor's {@code @JsonIgnore} to the field of the same name.)
         */
        @JsonIgnore
        @AssertTrue(message = "output 'composite' needs exactly one of background_color and background_image_url; other outputs take neither")
        public boolean isBackground() {
            boolean color = backgroundColor != null;
            boolean image = backgroundImageUrl != null;
            return "composite".equals(outputOrDefault()) ? color != image : !color && !image;
        }
    }

    /** LLM_INTERACTION: text or structured JSON from a prompt and optional images (captions, styling, evaluation). */
    record LlmInteraction(
            @NotBlank @Size(max = 100_000) String prompt,
            @Size(max = 20_000) String systemPrompt,
            @Size(max = 128) String model,
            @Size(max = 10) List<@NotNull @Size(max = 2048) @Pattern(regexp = URL, message = URL_MESSAGE) String> imageUrls,
            @Pattern(regexp = "text|json", message = "response_format should be 'text' or 'json'") String responseFormat,
            JsonNode jsonSchema,
            @Min(1) @Max(32_000) Integer maxTokens,
            @DecimalMin("0") @DecimalMax("2") Double temperature,
            @Size(max = 64) String providerType,
            @Size(max = 64) String provider) implements TaskParams {
    }

    /**
     * TRAINING (also {@code POST /api/v1/training/}): LoRA or full fine-tune on a set of images. The dataset is
     * either {@code source_images} (objects of our storage, zipped by the worker) or {@code dataset_zip_url} (a zip
     * of images, optionally with same-named {@code .txt} captions, already in our storage); fal gets a presigned URL.
     */
    record Training(
            TrainingType trainingType,
            EntityType entityType,
            @Size(max = 255) String entityId,
            @NotBlank @Size(max = 64) String triggerWord,
            @Size(min = 1, max = 500) List<@NotNull @Size(max = 2048) @Pattern(regexp = URL, message = URL_MESSAGE) String> sourceImages,
            @Min(1) @Max(128) Integer rank,
            @Min(1) @Max(10_000) Integer steps,
            @DecimalMin(value = "0", inclusive = false) @DecimalMax("0.01") Double learningRate,
            @Size(max = 10) List<@NotBlank @Size(max = 4000) String> samplePrompts,
            @Size(max = 2048) String baseModelPath,
            Boolean bypassGuidanceEmbedding,
            @Size(max = 20) List<@NotBlank @Size(max = 64) String> preprocessingTransforms,
            @Size(max = 64) String preprocessingCaptioningStrategy,
            @Size(max = 4000) String preprocessingCaptioningPrompt,
            @Size(max = 2048) @Pattern(regexp = URL, message = URL_MESSAGE) String datasetZipUrl) implements TaskParams {

        public enum TrainingType { LORA, FULL }

        public enum EntityType { PRODUCT, SUBJECT, STYLE }

        /** The documented defaults: LORA on a PRODUCT, rank 16, 1000 steps, learning rate 0.0001. */
        public Training withDefaults() {
            return new Training(trainingType == null ? TrainingType.LORA : trainingType, entityType == null ? EntityType.PRODUCT : entityType,
                    entityId, triggerWord, sourceImages, rank == null ? 16 : rank, steps == null ? 1000 : steps,
                    learningRate == null ? 0.0001 : learningRate, samplePrompts, baseModelPath, bypassGuidanceEmbedding,
                    preprocessingTransforms, preprocessingCaptioningStrategy, preprocessingCaptioningPrompt, datasetZipUrl);
        }

        /** Exactly one dataset. (Named apart from the fields: see {@link BackgroundRemove#isBackground()}.) */
        @JsonIgnore
        @AssertTrue(message = "give exactly one of source_images and dataset_zip_url")
        public boolean isDataset() {
            return (sourceImages != null) != (datasetZipUrl != null);
        }
    }
}
