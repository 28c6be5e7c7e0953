package com.sartiq.hub.backend.generations;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sartiq.hub.backend.tenancy.Scope;
import com.sartiq.hub.backend.utils.Paging;
import com.sartiq.hub.common.rest.FieldError;
import com.sartiq.hub.common.rest.RequestValidationException;
import org.apache.camel.Message;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Turns requests into the rows and query parameters of the generation routes. */
public final class GenerationRequests {

    private static final Set<String> STATUSES = Set.of("pending", "processing", "completed", "failed");

    private GenerationRequests() {
    }

    /**
     * The {@code generation-insert.sql} parameters of a new generation: the scope's owner and organization,
     * the shot it is for (null unless the shots feature asks), the resolved catalog ids, the built prompt
     * and the request as received. A generation whose prompt cannot be built is a 422 on {@code prompt}.
     */
    public static Map<String, Object> newGeneration(GenerationCreate request, ObjectNode raw, CatalogInputs inputs, Scope scope,
                                                    String shotId, long randomSeed, ObjectMapper mapper) {
        String prompt = PromptBuilder.forGeneration(request, inputs);
        if (prompt == null) {
            throw new RequestValidationException(FieldError.body("prompt",
                    "Field required: give a prompt, or a subject or product to build it from", "missing"));
        }
        Map<String, Object> row = new HashMap<>();
        row.put("id", UUID.randomUUID().toString());
        row.put("ownerId", scope.userId());
        row.put("organizationId", scope.organizationId());
        row.put("shotId", shotId);
        row.put("prompt", prompt);
        row.put("negativePrompt", request.negativePrompt());
        row.put("extraPrompt", request.extraPrompt());
        row.put("width", request.width() == null ? 1024 : request.width());
        row.put("height", request.height() == null ? 1024 : request.height());
        // one prediction per shot type (the request may not ask for a batch as well)
        row.put("batchSize", request.shotTypes() == null ? request.batch() : request.shotTypes().size());
        row.put("shotTypes", request.shotTypes() == null ? null : mapper.valueToTree(request.shotTypes()).toString());
        row.put("seed", request.seed() == null ? randomSeed : request.seed());
        row.put("steps", request.steps());
        row.put("generationType", request.type().name());
        row.put("generationStrategy", request.strategy().name());
        row.put("subjectId", id(inputs.subject()));
        row.put("productId", id(inputs.product()));
        row.put("product2Id", id(inputs.product2()));
        row.put("styleId", id(inputs.style()));
        row.put("shotTypeId", id(inputs.shotType()));
        row.put("posePresetId", id(inputs.posePreset()));
        row.put("refine", Boolean.TRUE.equals(request.refine()));
        row.put("params", raw.toString());
        return row;
    }

    /** The {@code generation-list.sql} parameters: scope, paging and the filters, each bad one a 422 entry. */
    public static Map<String, Object> listParams(Message in, Scope scope) {
        List<FieldError> errors = new ArrayList<>();
        Paging paging = Paging.read(in, errors);
        Map<String, Object> params = paging.addTo(scope.params());
        String status = in.getHeader("status", String.class);
        if (status != null && !STATUSES.contains(status)) {
            errors.add(new FieldError(List.of("query", "status"), "Input should be 'pending', 'processing', 'completed' or 'failed'", "enum"));
        }
        params.put("status", status);
        String strategy = in.getHeader("generation_strategy", String.class);
        if (strategy != null) {
            try {
                GenerationCreate.GenerationStrategy.valueOf(strategy);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(List.of("query", "generation_strategy"), "Input should be a valid generation strategy", "enum"));
            }
        }
        params.put("generationStrategy", strategy);
        for (String[] filter : new String[][]{{"shot_id", "shotId"}, {"subject_id", "subjectId"}, {"product_id", "productId"},
                {"generation_id", "generationId"}}) {
            params.put(filter[1], uuidParam(in, filter[0], errors));
        }
        if (!errors.isEmpty()) {
            throw new RequestValidationException(errors);
        }
        return params;
    }

    static String uuidParam(Message in, String name, List<FieldError> errors) {
        String raw = in.getHeader(name, String.class);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(raw.trim()).toString();
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(List.of("query", name), "Input should be a valid UUID", "uuid_parsing"));
            return null;
        }
    }

    private static String id(CatalogInputs.Ref ref) {
        return ref == null ? null : ref.id();
    }
}
