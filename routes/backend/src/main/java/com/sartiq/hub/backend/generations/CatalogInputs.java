package com.sartiq.hub.backend.generations;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.sartiq.hub.common.rest.FieldError;
import com.sartiq.hub.common.rest.RequestValidationException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The catalog rows a request names, as {@code generation-references.sql} found them (only rows the
 * caller may use). A name that found nothing is a 422 on the field that named it.
 */
public record CatalogInputs(Ref subject, Ref product, Ref product2, Ref style, Ref shotType, Ref posePreset) {

    /** One catalog row's descriptive fields (those its table has; the others are null). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Ref(String id, String name, String description, String prompt, String triggerWord, String loraUrl, Double loraWeight,
                      String productType, String framing, String viewAngle) {

        public static Ref named(String name) {
            return new Ref(null, name, null, null, null, null, null, null, null, null);
        }
    }

    public static final CatalogInputs NONE = new CatalogInputs(null, null, null, null, null, null);

    /** The SQL parameters of {@code generation-references.sql} for a request. */
    public static Map<String, Object> params(GenerationCreate request, Map<String, Object> scopeParams) {
        Map<String, Object> params = new java.util.HashMap<>(scopeParams);
        params.put("subjectId", request.subjectId());
        params.put("subjectSlug", request.subjectSlug());
        params.put("productId", request.productId());
        params.put("productSlug", request.productSlug());
        params.put("product2Id", request.product2Id());
        params.put("product2Slug", request.product2Slug());
        params.put("styleId", request.styleId());
        params.put("styleSlug", request.styleSlug());
        params.put("shotTypeId", request.shotTypeId());
        params.put("posePresetId", request.posePresetId());
        return params;
    }

    /** Reads the query's row; every input the request named but the query did not find is one 422 entry. */
    public static CatalogInputs of(Map<String, Object> row, GenerationCreate request, ObjectMapper mapper) {
        List<FieldError> errors = new ArrayList<>();
        CatalogInputs inputs = new CatalogInputs(
                ref(row, "subject", mapper, errors, "Subject", request.subjectId(), request.subjectSlug()),
                ref(row, "product", mapper, errors, "Product", request.productId(), request.productSlug()),
                ref(row, "product2", mapper, errors, "Product", request.product2Id(), request.product2Slug()),
                ref(row, "style", mapper, errors, "Style", request.styleId(), request.styleSlug()),
                ref(row, "shot_type", mapper, errors, "Shot type", request.shotTypeId(), null),
                ref(row, "pose_preset", mapper, errors, "Pose preset", request.posePresetId(), null));
        if (!errors.isEmpty()) {
            throw new RequestValidationException(errors);
        }
        return inputs;
    }

    private static Ref ref(Map<String, Object> row, String column, ObjectMapper mapper, List<FieldError> errors, String what,
                           String id, String slug) {
        Object json = row == null ? null : row.get(column);
        if (json == null) {
            if (id != null || slug != null) {
                errors.add(FieldError.body(column + (id != null ? "_id" : "_slug"), what + " not found", "not_found"));
            }
            return null;
        }
        try {
            return mapper.readValue(json.toString(), Ref.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable catalog reference " + column, e);
        }
    }
}
