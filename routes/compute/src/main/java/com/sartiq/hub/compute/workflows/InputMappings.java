package com.sartiq.hub.compute.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A step's {@code input_mappings}: each config field takes the value of a {@link Ref}
 * ({@code {"image_url": "generate.images.0.url", "strength": "$input.strength"}}).
 */
final class InputMappings {

    private InputMappings() {
    }

    /** A copy of {@code config} with every mapped field set; throws naming the first mapping that resolves to nothing. */
    static ObjectNode apply(ObjectNode config, JsonNode mappings, Ref.Scope scope) {
        ObjectNode resolved = config.deepCopy();
        mappings.fields().forEachRemaining(field -> {
            String mapping = field.getValue().asText();
            resolved.set(field.getKey(), Ref.parse(mapping).flatMap(r -> r.resolve(scope)).<JsonNode>map(JsonNode::deepCopy).orElseThrow(() ->
                    new IllegalStateException("input mapping " + field.getKey() + " = " + mapping + " resolved to nothing")));
        });
        return resolved;
    }
}
