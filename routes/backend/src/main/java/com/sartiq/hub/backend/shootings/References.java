package com.sartiq.hub.backend.shootings;

import com.sartiq.hub.common.rest.FieldError;
import com.sartiq.hub.common.rest.RequestValidationException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The catalog objects a request names, checked in one statement ({@code shooting-references-missing.sql}):
 * each one the caller cannot see (or that does not exist) is a 422 naming its field, e.g.
 * {@code loc ["body", "shot_type_ids", 1]}, {@code msg "Shot type not found"}, {@code type "not_found"}.
 */
public final class References {

    static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("product", "Product"), Map.entry("subject", "Subject"), Map.entry("style", "Style"), Map.entry("shot_type", "Shot type"),
            Map.entry("resolution_preset", "Resolution preset"), Map.entry("background_preset", "Background preset"),
            Map.entry("guideline", "Guidelines"), Map.entry("outfit", "Outfit"), Map.entry("shooting", "Shooting"), Map.entry("shot", "Shot"),
            Map.entry("generation_model", "Generation model"));

    /** One id to check: its field path in the body (dotted, list indexes as numbers), the table it must be in. */
    public record Ref(String field, String tbl, String id) {
    }

    private final List<Ref> refs = new ArrayList<>();

    public References add(String field, String table, UUID id) {
        if (!LABELS.containsKey(table)) {
            throw new IllegalArgumentException("no visibility rule for table " + table);
        }
        if (id != null) {
            refs.add(new Ref(field, table, id.toString()));
        }
        return this;
    }

    public References addAll(String field, String table, List<UUID> ids) {
        for (int i = 0; ids != null && i < ids.size(); i++) {
            add(field + "." + i, table, ids.get(i));
        }
        return this;
    }

    public static References of(LookCreate look) {
        References refs = new References()
                .add("main_product_id", "product", look.mainProductId())
                .add("subject_id", "subject", look.subjectId())
                .add("style_id", "style", look.styleId())
                .addAll("shot_type_ids", "shot_type", look.shotTypeIds())
                .add("resolution_preset_id", "resolution_preset", look.resolutionPresetId())
                .add("background_preset_id", "background_preset", look.backgroundPresetId())
                .add("outfit_id", "outfit", look.outfitId());
        if (look.outfit() != null) {
            refs.addAll("outfit.product_ids", "product", look.outfit().products());
        }
        return refs;
    }

    public List<Ref> refs() {
        return List.copyOf(refs);
    }

    public boolean isEmpty() {
        return refs.isEmpty();
    }

    /** Throws the 422 for the rows of {@code shooting-references-missing.sql} ({@code field, tbl}), if any. */
    public static void requireNone(List<Map<String, Object>> missing) {
        if (missing == null || missing.isEmpty()) {
            return;
        }
        List<FieldError> errors = new ArrayList<>();
        Map<String, Boolean> seen = new LinkedHashMap<>();
        for (Map<String, Object> row : missing) {
            String field = (String) row.get("field");
            if (seen.putIfAbsent(field, true) == null) {
                errors.add(new FieldError(location(field), LABELS.get((String) row.get("tbl")) + " not found", "not_found"));
            }
        }
        errors.sort(java.util.Comparator.comparing(e -> e.loc().toString()));
        throw new RequestValidationException(errors);
    }

    static List<Object> location(String field) {
        List<Object> loc = new ArrayList<>();
        loc.add("body");
        for (String part : field.split("\\.")) {
            loc.add(part.chars().allMatch(Character::isDigit) ? (Object) Integer.valueOf(part) : part);
        }
        return loc;
    }
}
