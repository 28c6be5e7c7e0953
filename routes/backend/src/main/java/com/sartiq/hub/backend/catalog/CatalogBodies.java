package com.sartiq.hub.backend.catalog;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sartiq.hub.common.rest.FieldError;
import com.sartiq.hub.common.rest.JsonRequestReader;
import com.sartiq.hub.common.rest.RequestValidationException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Request bodies of catalog writes: parsed and validated so that a 422 lists <em>every</em> bad field
 * (each field is converted on its own, so one wrong type does not hide the others), and turned into
 * the named SQL parameters of {@link CatalogSql}. Text with NUL characters is refused here because
 * PostgreSQL cannot store it.
 */
public class CatalogBodies {

    private final ObjectMapper mapper;
    private final JsonRequestReader reader;

    public CatalogBodies(ObjectMapper mapper, JsonRequestReader reader) {
        this.mapper = mapper.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        this.reader = reader;
    }

    /** Parses a create body. */
    public <T> T create(String body, Class<T> type, List<Column> columns) {
        return read(reader.readObject(body), type, columns);
    }

    /**
     * Applies a partial update to the current row: fields present in the body replace the row's
     * (explicit null clears a field), then the whole result is validated like a create body.
     */
    public <T> T update(String body, Object current, Class<T> type, List<Column> columns) {
        ObjectNode patch = reader.readObject(body);
        ObjectNode merged = mapper.createObjectNode();
        ObjectNode now = mapper.valueToTree(current);
        Set<String> names = columns.stream().map(Column::name).collect(Collectors.toSet());
        now.fieldNames().forEachRemaining(name -> {
            if (names.contains(name)) {
                merged.set(name, now.get(name));
            }
        });
        patch.fields().forEachRemaining(field -> {
            if (names.contains(field.getKey())) {
                merged.set(field.getKey(), field.getValue());
            }
        });
        return read(merged, type, columns);
    }

    <T> T read(ObjectNode node, Class<T> type, List<Column> columns) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> bad = new java.util.HashSet<>();
        for (Column column : columns) {
            JsonNode value = node.get(column.name());
            if (value == null || value.isNull()) {
                continue;
            }
            if (containsNul(value)) {
                errors.add(FieldError.body(column.name(), "String should not contain NUL characters", "string_nul"));
                bad.add(column.name());
                continue;
            }
            try {
                mapper.treeToValue(value, column.javaType());
            } catch (InvalidFormatException e) {
                errors.add(new FieldError(location(column.name(), e), message(e), e.getTargetType() != null && e.getTargetType().isEnum() ? "enum" : "type_error"));
                bad.add(column.name());
            } catch (MismatchedInputException e) {
                errors.add(new FieldError(location(column.name(), e), "Input should be a valid " + friendly(e.getTargetType()), "type_error"));
                bad.add(column.name());
            } catch (JacksonException | IllegalArgumentException e) {
                errors.add(FieldError.body(column.name(), "Invalid value", "value_error"));
                bad.add(column.name());
            }
        }
        ObjectNode good = node.deepCopy();
        bad.forEach(good::remove);
        T value;
        try {
            value = mapper.treeToValue(good, type);
        } catch (JacksonException | IllegalArgumentException e) {
            // every field converted alone, so this is a cross-field failure of the record itself
            throw new RequestValidationException(FieldError.body("body", "Invalid body", "value_error"));
        }
        try {
            reader.validate(value);
        } catch (RequestValidationException e) {
            for (FieldError error : e.errors()) {
                String field = String.valueOf(error.loc().get(1)).replaceAll("[\\[.].*$", "");
                if (!bad.contains(field)) {
                    errors.add(error);
                }
            }
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(error -> error.loc().toString()));
            throw new RequestValidationException(errors);
        }
        return value;
    }

    /** The record's fields as named SQL parameters: UUIDs and enums as text, objects and lists as JSON. */
    public Map<String, Object> params(Object value, List<Column> columns) {
        JsonNode tree = mapper.valueToTree(value);
        Map<String, Object> params = new HashMap<>();
        for (Column column : columns) {
            JsonNode field = tree.get(column.name());
            params.put(column.name(), toParam(field, column));
        }
        return params;
    }

    private Object toParam(JsonNode field, Column column) {
        if (field == null || field.isNull()) {
            return null;
        }
        return switch (column.sqlType()) {
            case "jsonb" -> field.toString();
            case "int" -> field.intValue();
            case "bigint" -> field.longValue();
            case "double precision" -> field.doubleValue();
            case "boolean" -> field.booleanValue();
            default -> field.asText();
        };
    }

    private static boolean containsNul(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue().indexOf('\0') >= 0;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                if (entry.getKey().indexOf('\0') >= 0 || containsNul(entry.getValue())) {
                    return true;
                }
            }
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                if (containsNul(item)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<Object> location(String field, MismatchedInputException e) {
        List<Object> loc = new ArrayList<>();
        loc.add("body");
        loc.add(field);
        for (var ref : e.getPath()) {
            loc.add(ref.getFieldName() != null ? ref.getFieldName() : ref.getIndex());
        }
        return loc;
    }

    private static String message(InvalidFormatException e) {
        Class<?> target = e.getTargetType();
        if (target != null && target.isEnum()) {
            return "Input should be " + Arrays.stream(target.getEnumConstants()).map(c -> "'" + c + "'").collect(Collectors.joining(", "));
        }
        return "Input should be a valid " + friendly(target);
    }

    private static String friendly(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type == UUID.class) {
            return "UUID";
        }
        if (type == Integer.class || type == Long.class || type == int.class || type == long.class) {
            return "integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (type == String.class) {
            return "string";
        }
        if (List.class.isAssignableFrom(type)) {
            return "list";
        }
        return type.isEnum() ? "enumeration member" : "object";
    }
}
