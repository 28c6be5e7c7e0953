package com.sartiq.hub.compute.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code {{ <ref> }}} templates inside a step's config strings, at any depth. A string that is exactly one
 * template takes the referenced value with its JSON type; elsewhere the value is spliced in as text
 * (strings as they are, numbers and booleans as written, objects and lists as JSON):
 * {@code "{{ $input.prompt }}. Fix this: {{ evaluate_1.json.reasons }}"}.
 */
final class StringTemplates {

    private static final Pattern TEMPLATE = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

    private StringTemplates() {
    }

    /** Every reference written in the value's strings, as written (not necessarily well-formed). */
    static List<String> refs(JsonNode value) {
        List<String> refs = new ArrayList<>();
        collect(value, refs);
        return refs;
    }

    private static void collect(JsonNode value, List<String> refs) {
        if (value.isTextual()) {
            Matcher m = TEMPLATE.matcher(value.asText());
            while (m.find()) {
                refs.add(m.group(1));
            }
        } else if (value.isContainerNode()) {
            value.forEach(child -> collect(child, refs));
        }
    }

    /** A copy of the value with every template replaced; throws naming the first reference that resolves to nothing. */
    static JsonNode render(JsonNode value, Ref.Scope scope) {
        if (value.isTextual()) {
            return renderText(value.asText(), scope);
        }
        if (value.isObject()) {
            ObjectNode copy = ((ObjectNode) value).objectNode();
            value.fields().forEachRemaining(f -> copy.set(f.getKey(), render(f.getValue(), scope)));
            return copy;
        }
        if (value.isArray()) {
            ArrayNode copy = ((ArrayNode) value).arrayNode();
            value.forEach(v -> copy.add(render(v, scope)));
            return copy;
        }
        return value;
    }

    private static JsonNode renderText(String text, Ref.Scope scope) {
        Matcher whole = TEMPLATE.matcher(text);
        if (whole.matches()) {
            return resolve(whole.group(1), scope).deepCopy();
        }
        Matcher m = TEMPLATE.matcher(text);
        if (!m.find()) {
            return TextNode.valueOf(text);
        }
        StringBuilder out = new StringBuilder();
        m.reset();
        while (m.find()) {
            JsonNode value = resolve(m.group(1), scope);
            m.appendReplacement(out, Matcher.quoteReplacement(value.isValueNode() ? value.asText() : value.toString()));
        }
        m.appendTail(out);
        return TextNode.valueOf(out.toString());
    }

    private static JsonNode resolve(String ref, Ref.Scope scope) {
        return Ref.parse(ref).flatMap(r -> r.resolve(scope))
                .orElseThrow(() -> new IllegalStateException("template {{ " + ref + " }} resolved to nothing"));
    }
}
