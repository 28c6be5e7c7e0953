package com.sartiq.hub.compute.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A reference to a value a step reads at run time: {@code <step_id>.<path>} (a dependency's output),
 * {@code $input.<path>} (the workflow's inputs), and in a {@code for_each} step {@code $item[.<path>]}
 * (the element it runs for) and {@code $index}. A path is dot-separated; numbers index lists
 * ({@code generate.images.0.url}). Input mappings, {@code {{ }}} templates, conditions and {@code for_each}
 * all use this one syntax.
 *
 * @param text   the reference as written
 * @param source a step id, or one of {@link #INPUT}, {@link #ITEM}, {@link #INDEX}
 * @param path   the segments after the source (empty for {@code $index} and a bare {@code $item})
 */
record Ref(String text, String source, List<String> path) {

    static final String INPUT = "$input";
    static final String ITEM = "$item";
    static final String INDEX = "$index";

    /** What a step id looks like: refs split at the first dot and item nodes are named {@code <step>[<index>]}. */
    static final Pattern STEP_ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]{0,63}");

    private static final Pattern SEGMENT = Pattern.compile("[^.\\s{}]+");

    /** The values a reference is resolved against. {@code item} and {@code index} are null outside a for_each step. */
    record Scope(JsonNode inputs, Map<String, JsonNode> outputs, JsonNode item, Integer index) {

        static Scope of(JsonNode inputs, Map<String, JsonNode> outputs) {
            return new Scope(inputs, outputs, null, null);
        }

        Scope forItem(JsonNode item, int index) {
            return new Scope(inputs, outputs, item, index);
        }
    }

    /** The reference written as {@code text}, empty when it is not one. */
    static Optional<Ref> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.split("\\.", -1);
        String source = parts[0];
        List<String> path = List.of(parts).subList(1, parts.length);
        if (path.stream().anyMatch(s -> !SEGMENT.matcher(s).matches())) {
            return Optional.empty();
        }
        boolean valid = switch (source) {
            case INPUT -> !path.isEmpty();
            case ITEM -> true;
            case INDEX -> path.isEmpty();
            default -> STEP_ID.matcher(source).matches() && !path.isEmpty();
        };
        return valid ? Optional.of(new Ref(text, source, path)) : Optional.empty();
    }

    boolean input() {
        return INPUT.equals(source);
    }

    /** {@code $item} or {@code $index}: only meaningful in a for_each step. */
    boolean perItem() {
        return ITEM.equals(source) || INDEX.equals(source);
    }

    boolean step() {
        return !input() && !perItem();
    }

    /** The value referred to, empty when the source or path leads nowhere (or to null). */
    Optional<JsonNode> resolve(Scope scope) {
        JsonNode node = switch (source) {
            case INPUT -> scope.inputs();
            case ITEM -> scope.item();
            case INDEX -> scope.index() == null ? null : IntNode.valueOf(scope.index());
            default -> scope.outputs().get(source);
        };
        for (String segment : path) {
            if (node == null) {
                return Optional.empty();
            }
            node = node.isArray() && segment.matches("\\d+") ? node.get(Integer.parseInt(segment)) : node.get(segment);
        }
        return node == null || node.isNull() || node.isMissingNode() ? Optional.empty() : Optional.of(node);
    }

    @Override
    public String toString() {
        return text;
    }
}
