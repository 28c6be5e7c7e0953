package com.sartiq.hub.compute.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A step's {@code when}: {@code <ref> <op> <literal-or-ref>} with op one of {@code < <= > >= == !=} and a
 * literal a JSON number, a JSON (double-quoted) string, {@code true} or {@code false}:
 * {@code evaluate_1.json.score < 7}, {@code $input.mode == "fast"}, {@code a.json.n >= $input.min}.
 * Numbers compare as numbers (a string holding a number counts as one, as LLM answers often quote them),
 * strings by their text; {@code ==} and {@code !=} compare any two values, the order operators only two
 * numbers or two strings.
 */
record Condition(String text, Ref left, String op, Optional<JsonNode> literal, Optional<Ref> right) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SHAPE = Pattern.compile("\\s*([^\\s<>=!]+)\\s*(<=|>=|==|!=|<|>)\\s*(.+?)\\s*");
    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?");

    /** Reads a condition; throws {@link IllegalArgumentException} saying what is wrong with it. */
    static Condition parse(String text) {
        Matcher m = SHAPE.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("a condition reads '<ref> <op> <value>' with op one of < <= > >= == !=");
        }
        Ref left = Ref.parse(m.group(1)).orElseThrow(() -> new IllegalArgumentException("'" + m.group(1) + "' is not a reference"));
        String operand = m.group(3);
        Optional<JsonNode> literal = literal(operand);
        Optional<Ref> right = literal.isPresent() ? Optional.empty() : Ref.parse(operand);
        if (literal.isEmpty() && right.isEmpty()) {
            throw new IllegalArgumentException("'" + operand + "' is neither a JSON number, string, true, false nor a reference");
        }
        return new Condition(text, left, m.group(2), literal, right);
    }

    private static Optional<JsonNode> literal(String operand) {
        if ("true".equals(operand) || "false".equals(operand)) {
            return Optional.of(BooleanNode.valueOf(Boolean.parseBoolean(operand)));
        }
        if (operand.startsWith("\"") || NUMBER.matcher(operand).matches()) {
            try {
                JsonNode value = JSON.readTree(operand);
                return value != null && (value.isTextual() || value.isNumber()) ? Optional.of(value) : Optional.empty();
            } catch (Exception e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The references the condition reads. */
    List<Ref> refs() {
        List<Ref> refs = new ArrayList<>(List.of(left));
        right.ifPresent(refs::add);
        return refs;
    }

    /** Evaluates the condition; throws {@link IllegalStateException} for a reference that resolves to nothing or incomparable values. */
    boolean test(Ref.Scope scope) {
        JsonNode a = value(left, scope);
        JsonNode b = literal.isPresent() ? literal.get() : value(right.get(), scope);
        BigDecimal x = number(a);
        BigDecimal y = number(b);
        if (x != null && y != null) {
            return holds(x.compareTo(y));
        }
        if (a.isTextual() && b.isTextual()) {
            return holds(a.asText().compareTo(b.asText()));
        }
        return switch (op) {
            case "==" -> a.equals(b);
            case "!=" -> !a.equals(b);
            default -> throw new IllegalStateException("condition " + text + ": cannot order " + a + " and " + b);
        };
    }

    private boolean holds(int comparison) {
        return switch (op) {
            case "<" -> comparison < 0;
            case "<=" -> comparison <= 0;
            case ">" -> comparison > 0;
            case ">=" -> comparison >= 0;
            case "==" -> comparison == 0;
            default -> comparison != 0;
        };
    }

    private JsonNode value(Ref ref, Ref.Scope scope) {
        return ref.resolve(scope).orElseThrow(() -> new IllegalStateException("condition " + text + ": " + ref + " resolved to nothing"));
    }

    private static BigDecimal number(JsonNode value) {
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isTextual() && NUMBER.matcher(value.asText().trim()).matches()) {
            return new BigDecimal(value.asText().trim());
        }
        return null;
    }
}
