package com.sartiq.hub.common.rest;

import java.util.List;

/** Bad input at the edge: answered with 422 and every offending field. */
public class RequestValidationException extends RuntimeException {

    private final List<FieldError> errors;

    public RequestValidationException(List<FieldError> errors) {
        super(errors.isEmpty() ? "invalid request" : errors.get(0).msg());
        this.errors = List.copyOf(errors);
    }

    public RequestValidationException(FieldError error) {
        this(List.of(error));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
