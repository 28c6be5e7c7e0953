package com.sartiq.hub.common.rest;

import java.util.List;

/** One entry of a FastAPI-style 422 {@code detail} list. */
public record FieldError(List<Object> loc, String msg, String type) {

    public static FieldError body(String field, String msg, String type) {
        return new FieldError(List.of("body", field), msg, type);
    }
}
