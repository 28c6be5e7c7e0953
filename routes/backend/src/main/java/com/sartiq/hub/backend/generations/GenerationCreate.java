package com.sartiq.hub.backend.generations;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.sartiq.hub.common.rest.FieldError;
import com.sartiq.hub.common.rest.RequestValidationException;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.ArrayList;
import java.util.List;

/**
 * The documented {@code GenerationCreate}: catalog inputs by id or slug (a product also by image URL)
 * with their LoRA weights, size, steps, seed, batch, prompt parts, type and strategy. The prompt may be
 * left out when the catalog inputs describe the picture ({@link PromptBuilder}). {@code input_image_url}
 * (our addition) is the source image of the strategies that work on one (editing, refine, video, fixes);
 * {@code shot_types} (our addition) asks for one prediction per shot type from one pipeline. AGENTIC generations
 * take the documented {@code min_confidence_score} (0.7), {@code max_attempts} (3, the most the agentic
 * pipeline runs) and {@code evaluation_provider} ({@code auto}: compute's LLM failover order). IMAGE_ADJUSTING takes
 * {@code brightness}, {@code contrast}, {@code saturation} and {@code temperature} (our additions, -1 to 1, 0 leaves it).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record GenerationCreate(
        @Size(max = 4000) @Pattern(regexp = NOT_BLANK, message = NOT_BLANK_MESSAGE) String prompt,
        @Size(max = 4000) String negativePrompt,
        @Size(max = 4000) String extraPrompt,
        @Size(max = 4000) String generatedPrompt,
        Boolean autoGeneratePrompt,
        @Pattern(regexp = UUID, message = UUID_MESSAGE) String subjectId,
        @Size(max = 255) String subjectSlug,
        @DecimalMin("0") @DecimalMax("1") Double subjectLoraWeight,
        @Size(max = 4000) String subjectDescription,
        @Pattern(regexp = UUID, message = UUID_MESSAGE) String productId,
        @Size(max = 255) String productSlug,
        @Size(max = 2048) @Pattern(regexp = URL, message = URL_MESSAGE) String productImage,
        @DecimalMin("0") @DecimalMax("1") Double productLoraWeight,
        @Size(max = 4000) String productDescription,
        @Pattern(regexp = UUID, message = UUID_MESSAGE) String product2Id,
        @Size(max = 255) String product2Slug,
        @Size(max = 2048) @Pattern(regexp = URL, message = URL_MESSAGE) String product2Image,
        @DecimalMin("0") @DecimalMax("1") Double product2LoraWeight,
        @Pattern(regexp = UUID, message = UUID_MESSAGE) String styleId,
        @Size(max = 255) String styleSlug,
        @DecimalMin("0") @DecimalMax("1") Double styleLoraWeight,
        @Min(256) @Max(2048) Integer width,
        @Min(256) @Max(2048) Integer height,
        @Min(1) @Max(100) Integer steps,
        @Min(0) @Max(Integer.MAX_VALUE) Long seed,
        @Min(1) @Max(8) Integer batchSize,
        Boolean refine,
        @DecimalMin("1") @DecimalMax("4") Double scaleFactor,
        @Min(256) @Max(8192) Integer targetWidth,
        @Min(256) @Max(8192) Integer targetHeight,
        @Size(max = 255) String lighting,
        @Size(max = 255) String framing,
        @Size(max = 255) String perspective,
        @Size(max = 255) String background,
        @Size(max = 255) String tone,
        @Size(max = 1000) String pose,
        GenerationType generationType,
        GenerationStrategy generationStrategy,
        @Size(max = 64) String tool,
        @Size(max = 255) String shotTypeString,
        @Size(max = 255) String shotType,
        @Pattern(regexp = UUID, message = UUID_MESSAGE) String shotTypeId,
        @Pattern(regexp = UUID, message = UUID_MESSAGE) String posePresetId,
        @Size(max = 2048) @Pattern(regexp = URL, message = URL_MESSAGE) String inputImageUrl,
        @Size(min = 1, max = 8) List<@NotBlank @Size(max = 255) String> shotTypes,
        @DecimalMin("0") @DecimalMax("1") Double minConfidenceScore,
        @Min(1) @Max(3) Integer maxAttempts,
        @Pattern(regexp = "auto", message = "Input should be 'auto' (compute's LLM failover order picks the evaluator)")
        String evaluationProvider,
        @DecimalMin("-1") @DecimalMax("1") Double brightness,
        @DecimalMin("-1") @DecimalMax("1") Double contrast,
        @DecimalMin("-1") @DecimalMax("1") Double saturation,
        @DecimalMin("-1") @DecimalMax("1") Double temperature) {

    /** A prompt may be left out, but not given empty. */
    static final String NOT_BLANK = "(?s).*\\S.*";
    static final String NOT_BLANK_MESSAGE = "String should have at least 1 character";
    static final String UUID = "(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    static final String UUID_MESSAGE = "Input should be a valid UUID";
    static final String URL = "(?i)https?://\\S+";
    static final String URL_MESSAGE = "URL scheme should be 'http' or 'https'";

    /** How a generation is orchestrated. */
    public enum GenerationType { BASE, AGENTIC }

    /** What a generation does (its pipeline: {@link GenerationPipelines}), and whether it works on {@code input_image_url}. */
    public enum GenerationStrategy {
        GENERATE(false),
        EDITING(true),
        REFINE(true),
        VIDEO(true),
        BACKGROUND_FIXING(true),
        IMAGE_ADJUSTING(true),
        FACE_FIXING(true);

        private final boolean needsImage;

        GenerationStrategy(boolean needsImage) {
            this.needsImage = needsImage;
        }

        public boolean needsImage() {
            return needsImage;
        }
    }

    public GenerationType type() {
        return generationType == null ? GenerationType.BASE : generationType;
    }

    public GenerationStrategy strategy() {
        return generationStrategy == null ? GenerationStrategy.GENERATE : generationStrategy;
    }

    public int batch() {
        return batchSize == null ? 1 : batchSize;
    }

    public boolean refining() {
        return Boolean.TRUE.equals(refine);
    }

    /**
     * The rules between fields: one way of naming each catalog input, and a source image for the
     * strategies that need one. Every broken rule is one 422 entry.
     */
    public void checkCombinations() {
        List<FieldError> errors = new ArrayList<>();
        exclusive(errors, "subject", subjectId, subjectSlug, null);
        exclusive(errors, "product", productId, productSlug, productImage);
        exclusive(errors, "product2", product2Id, product2Slug, product2Image);
        exclusive(errors, "style", styleId, styleSlug, null);
        if (strategy().needsImage() && (inputImageUrl == null || inputImageUrl.isBlank())) {
            errors.add(FieldError.body("input_image_url", "Field required for generation_strategy " + strategy(), "missing"));
        }
        errors.addAll(GenerationPipelines.unsupported(this));
        if (!errors.isEmpty()) {
            throw new RequestValidationException(errors);
        }
    }

    private static void exclusive(List<FieldError> errors, String name, String id, String slug, String image) {
        int given = (id == null ? 0 : 1) + (slug == null ? 0 : 1) + (image == null ? 0 : 1);
        if (given > 1) {
            String choices = image == null && !name.startsWith("product") ? name + "_id or " + name + "_slug"
                    : name + "_id, " + name + "_slug or " + name + "_image";
            errors.add(FieldError.body(id != null ? name + "_slug" : name + "_image", "Give only one of " + choices, "value_error"));
        }
    }
}
