package com.sartiq.hub.common.rest;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns a raw JSON request body into a validated record, or a {@link RequestValidationException}
 * listing every bad field the way FastAPI does ({@code loc}, {@code msg}, {@code type}).
 */
public class JsonRequestReader {

    /** JSON bodies are small; anything larger is refused before parsing (uploads go to storage directly). */
    static final int MAX_BODY_CHARS = 1024 * 1024;

    private final ObjectMapper mapper;
    private final Validator validator;

    public JsonRequestReader(ObjectMapper mapper, Validator validator) {
        // unknown fields are ignored, as FastAPI does, whatever the shared mapper says
        this.mapper = mapper.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        this.validator = validator;
    }

    /** Parses the body as a JSON object; anything else is a 422. */
    public ObjectNode readObject(String body) {
        if (body == null || body.isBlank()) {
            throw new RequestValidationException(new FieldError(List.of("body"), "Field required", "missing"));
        }
        if (body.length() > MAX_BODY_CHARS) {
            throw new ApiException(413, "Request body larger than " + MAX_BODY_CHARS + " characters");
        }
        JsonNode node;
        try {
            node = mapper.readTree(body);
        } catch (JacksonException e) {
            throw new RequestValidationException(new FieldError(List.of("body", e.getLocation() == null ? 0 : e.getLocation().getCharOffset()),
                    "JSON decode error: " + e.getOriginalMessage(), "json_invalid"));
        }
        if (!(node instanceof ObjectNode object)) {
            throw new RequestValidationException(new FieldError(List.of("body"), "Input should be a valid dictionary", "model_type"));
        }
        return object;
    }

    public <T> T read(String body, Class<T> type) {
        return read(readObject(body), type);
    }

    public <T> T read(ObjectNode node, Class<T> type) {
        T value;
        try {
            value = mapper.treeToValue(node, type);
        } catch (InvalidFormatException e) {
            throw new RequestValidationException(new FieldError(location(e), "Input should be a valid " + friendlyType(e.getTargetType()), "type_error"));
        } catch (MismatchedInputException e) {
            throw new RequestValidationException(new FieldError(location(e), "Input should be a valid " + friendlyType(e.getTargetType()), "type_error"));
        } catch (JacksonException e) {
            throw new RequestValidationException(new FieldError(List.of("body"), e.getOriginalMessage(), "value_error"));
        }
        validate(value);
        return value;
    }

    public <T> void validate(T value) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<T> violation : validator.validate(value)) {
            String field = mapper.getPropertyNamingStrategy() == null
                    ? violation.getPropertyPath().toString()
                    : snakeCase(violation.getPropertyPath().toString());
            boolean missing = violation.getInvalidValue() == null;
            errors.add(FieldError.body(field, missing ? "Field required" : violation.getMessage(), missing ? "missing" : "value_error"));
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(e -> e.loc().toString()));
            throw new RequestValidationException(errors);
        }
    }

    private static List<Object> location(MismatchedInputException e) {
        List<Object> loc = new ArrayList<>();
        loc.add("body");
        for (var ref : e.getPath()) {
            loc.add(ref.getFieldName() != null ? ref.getFieldName() : ref.getIndex());
        }
        return loc;
    }

    private static String friendlyType(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return Integer.class == type || Long.class == type || int.class == type || long.class == type ? "integer" : "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (type == String.class) {
            return "string";
        }
        return type.isEnum() ? "enumeration member" : "object";
    }

    static String snakeCase(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }
}
