package com.sartiq.hub.compute.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.Optional;

/**
 * A step's {@code input_mappings}: each input field takes {@code <step_id>.<output path>} (dot-separated,
 * numbers index lists: {@code generate.images.0.url}) or {@code $input.<field>} (the workflow's inputs).
 */
final class InputMappings {

    static final String INPUT = "$input";

    private InputMappings() {
    }

    /** The step (or {@code $input}) a mapping reads from. */
    static String source(String mapping) {
        int dot = mapping.indexOf('.');
        return dot < 0 ? mapping : mapping.substring(0, dot);
    }

    /** Whether a mapping has a source and a path. */
    static boolean wellFormed(String mapping) {
        int dot = mapping.indexOf('.');
        return dot > 0 && dot < mapping.length() - 1 && !mapping.endsWith(".");
    }

    /** The value a mapping points at, empty when the path leads nowhere. */
    static Optional<JsonNode> resolve(String mapping, JsonNode inputs, Map<String, JsonNode> outputs) {
        JsonNode node = INPUT.equals(source(mapping)) ? inputs : outputs.get(source(mapping));
        for (String segment : mapping.substring(mapping.indexOf('.') + 1).split("\\.")) {
            if (node == null) {
                return Optional.empty();
            }
            node = node.isArray() && segment.matches("\\d+") ? node.get(Integer.parseInt(segment)) : node.get(segment);
        }
        return node == null || node.isNull() || node.isMissingNode() ? Optional.empty() : Optional.of(node);
    }

    /** A copy of {@code config} with every mapped field set; throws naming the first mapping that resolves to nothing. */
    static ObjectNode apply(ObjectNode config, JsonNode mappings, JsonNode inputs, Map<String, JsonNode> outputs) {
        ObjectNode resolved = config.deepCopy();
        mappings.fields().forEachRemaining(field -> {
            String mapping = field.getValue().asText();
            resolved.set(field.getKey(), resolve(mapping, inputs, outputs).orElseThrow(() ->
                    new IllegalStateException("input mapping " + field.getKey() + " = " + mapping + " resolved to nothing")));
        });
        return resolved;
    }
}
