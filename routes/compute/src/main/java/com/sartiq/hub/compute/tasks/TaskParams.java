package com.sartiq.hub.compute.tasks;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The type-specific part of a task request (the documented TaskCreateAPI union, flattened). */
public sealed interface TaskParams {

    /**
     * GENERATION: text to image.
     *
     * @param seed random when absent, then recorded so the task can be repeated
     */
    record Generation(
            @NotBlank @Size(max = 4000) String prompt,
            @Size(max = 4000) String negativePrompt,
            @Min(256) @Max(2048) Integer width,
            @Min(256) @Max(2048) Integer height,
            @Min(0) Long seed) implements TaskParams {

        public Generation withDefaults(long randomSeed) {
            return new Generation(prompt, negativePrompt,
                    width == null ? 1024 : width, height == null ? 1024 : height, seed == null ? randomSeed : seed);
        }
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
}
