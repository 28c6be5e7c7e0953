package com.sartiq.hub.backend.generations;

import com.sartiq.hub.backend.generations.CatalogInputs.Ref;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds a generation's prompt from the request and the catalog, the same way every time: the caller's
 * own prompt (or a {@code generated_prompt}) wins; otherwise the picture is described from the style's
 * trigger word, the subject, the products worn, the shot type's framing and view, the pose, the scene
 * words (lighting, background, perspective, tone) and the style's prompt. {@code extra_prompt} is always
 * appended. Descriptions given in the request override the catalog's.
 */
public final class PromptBuilder {

    private PromptBuilder() {
    }

    /** The prompt of a generation, or null when nothing describes the picture. */
    public static String forGeneration(GenerationCreate request, CatalogInputs inputs) {
        String base = firstText(request.prompt(), request.generatedPrompt());
        List<String> parts = new ArrayList<>();
        if (base != null) {
            parts.add(base);
        } else {
            parts.addAll(described(request, inputs));
        }
        add(parts, request.extraPrompt());
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    /** The picture described from its parts (what {@code POST /prompts/create-for-generation} answers). */
    static List<String> described(GenerationCreate request, CatalogInputs inputs) {
        List<String> parts = new ArrayList<>();
        Ref style = inputs.style();
        add(parts, style == null ? null : style.triggerWord());
        String subject = firstText(request.subjectDescription(), describe(inputs.subject()));
        String product = firstText(request.productDescription(), describe(inputs.product()),
                request.productImage() == null ? null : "the garment shown in the reference image");
        String product2 = firstText(describe(inputs.product2()),
                request.product2Image() == null ? null : "the second garment shown in the reference images");
        String worn = product == null ? product2 : product2 == null ? product : product + " and " + product2;
        if (subject != null || worn != null) {
            parts.add("a fashion photograph of " + (subject == null ? "a model" : subject) + (worn == null ? "" : " wearing " + worn));
        }
        add(parts, shot(request, inputs.shotType()));
        Ref pose = inputs.posePreset();
        add(parts, firstText(request.pose(), pose == null ? null : firstText(pose.prompt(), pose.name())), "pose: ");
        add(parts, request.lighting(), null, " lighting");
        add(parts, request.background(), null, " background");
        add(parts, request.perspective(), null, " perspective");
        add(parts, request.tone(), null, " tone");
        add(parts, style == null ? null : style.prompt());
        return parts;
    }

    /** An editing instruction: what to change in the picture, and into which products. */
    public static String forEditing(String instruction, CatalogInputs inputs, String extraPrompt) {
        List<String> parts = new ArrayList<>();
        String product = describe(inputs.product());
        String product2 = describe(inputs.product2());
        if (product != null) {
            parts.add("replace the outfit with " + product + (product2 == null ? "" : " and " + product2));
        }
        add(parts, instruction);
        parts.add("keep the model's face, pose, body and the background unchanged");
        add(parts, extraPrompt);
        return String.join(", ", parts);
    }

    private static String shot(GenerationCreate request, Ref shotType) {
        String named = firstText(request.shotTypeString(), request.shotType(), request.framing());
        if (named != null) {
            return named + " shot";
        }
        if (shotType == null) {
            return null;
        }
        String framing = shotType.framing() == null ? shotType.name() : shotType.framing().replace('_', ' ').toLowerCase(Locale.ROOT);
        String view = shotType.viewAngle() == null ? "" : ", " + shotType.viewAngle().toLowerCase(Locale.ROOT) + " view";
        return framing + " shot" + view;
    }

    private static String describe(Ref ref) {
        if (ref == null) {
            return null;
        }
        String what = firstText(ref.description(), ref.name());
        return ref.productType() == null || what == null || what.toLowerCase(Locale.ROOT).contains(ref.productType().toLowerCase(Locale.ROOT))
                ? what : what + " (" + ref.productType() + ")";
    }

    private static String firstText(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }

    private static void add(List<String> parts, String value) {
        add(parts, value, null, null);
    }

    private static void add(List<String> parts, String value, String prefix) {
        add(parts, value, prefix, null);
    }

    private static void add(List<String> parts, String value, String prefix, String suffix) {
        if (value != null && !value.isBlank()) {
            parts.add((prefix == null ? "" : prefix) + value.strip() + (suffix == null ? "" : suffix));
        }
    }
}
