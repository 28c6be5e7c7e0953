package com.sartiq.hub.backend.shootings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code GenerationCreate} body of {@code POST /shots/{id}/generate}, built from the shot's look
 * ({@code shot-generation-source.sql}): the catalog ids the generation strategy reads, the size of the look's
 * resolution (1024² without one), {@code batch_size} = {@code num_predictions}, and a prompt from the names.
 */
public final class ShotPrompts {

    public static final int DEFAULT_SIZE = 1024;

    private ShotPrompts() {
    }

    public static Map<String, Object> generationBody(Map<String, Object> source, int numPredictions, String modelId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("prompt", prompt(source));
        body.put("product_id", source.get("product_id"));
        body.put("subject_id", source.get("subject_id"));
        body.put("style_id", source.get("style_id"));
        body.put("shot_type_id", source.get("shot_type_id"));
        body.put("shot_type_string", source.get("shot_type_name"));
        body.put("framing", source.get("framing"));
        body.put("background", source.get("background_prompt") != null ? source.get("background_prompt") : source.get("background_name"));
        body.put("width", size(source.get("width")));
        body.put("height", size(source.get("height")));
        body.put("batch_size", numPredictions);
        if (modelId != null) {
            body.put("model_id", modelId);
        }
        body.values().removeIf(java.util.Objects::isNull);
        return body;
    }

    /**
     * "Fashion photograph of Anna wearing Linen dress, Front full body shot (FULL_BODY, FRONT view),
     * in the Studio style, background: white seamless. Outfit: tuck the shirt in."
     */
    public static String prompt(Map<String, Object> source) {
        StringBuilder prompt = new StringBuilder("Fashion photograph");
        text(source, "subject_name").ifPresent(s -> prompt.append(" of ").append(s));
        text(source, "product_name").ifPresent(p -> prompt.append(" wearing ").append(p));
        List<String> view = new ArrayList<>();
        text(source, "framing").ifPresent(view::add);
        text(source, "view_angle").ifPresent(a -> view.add(a + " view"));
        text(source, "shot_type_name").ifPresent(t -> prompt.append(", ").append(t).append(" shot")
                .append(view.isEmpty() ? "" : " (" + String.join(", ", view) + ")"));
        text(source, "style_name").ifPresent(s -> prompt.append(", in the ").append(s).append(" style"));
        text(source, "style_prompt").ifPresent(s -> prompt.append(" (").append(s).append(")"));
        text(source, "background_prompt").or(() -> text(source, "background_name"))
                .ifPresent(b -> prompt.append(", background: ").append(b));
        prompt.append('.');
        text(source, "outfit_instruction").ifPresent(o -> prompt.append(" Outfit: ").append(o).append(o.endsWith(".") ? "" : "."));
        return prompt.toString();
    }

    private static int size(Object value) {
        return value == null ? DEFAULT_SIZE : ((Number) value).intValue();
    }

    private static java.util.Optional<String> text(Map<String, Object> source, String key) {
        Object value = source.get(key);
        return value == null || value.toString().isBlank() ? java.util.Optional.empty() : java.util.Optional.of(value.toString().trim());
    }
}
