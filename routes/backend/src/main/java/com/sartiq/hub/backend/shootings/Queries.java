package com.sartiq.hub.backend.shootings;

import com.sartiq.hub.backend.tenancy.Scope;
import com.sartiq.hub.backend.utils.Paging;
import com.sartiq.hub.common.rest.FieldError;
import com.sartiq.hub.common.rest.RequestValidationException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Query parameters of the shootings lists, read the FastAPI way (each bad one a 422 entry with
 * {@code loc ["query", name]}), and the named SQL parameters of a request: the caller's scope plus its own.
 */
public final class Queries {

    private final Message in;
    private final List<FieldError> errors = new ArrayList<>();
    private final Map<String, Object> params;

    private Queries(Exchange exchange) {
        this.in = exchange.getMessage();
        this.params = params(exchange);
    }

    /** The caller's scope as named parameters ({@code userId}, {@code superuser}, {@code organizationId}). */
    public static Map<String, Object> params(Exchange exchange) {
        return new HashMap<>(exchange.getProperty(Scope.PROPERTY, Scope.class).params());
    }

    public static Queries of(Exchange exchange) {
        return new Queries(exchange);
    }

    public Queries paging() {
        Paging.read(in, errors).addTo(params);
        return this;
    }

    public Queries bool(String name, String param) {
        String raw = in.getHeader(name, String.class);
        Boolean value = null;
        if (raw != null && !raw.isBlank()) {
            switch (raw.trim().toLowerCase()) {
                case "true", "1", "yes", "on" -> value = true;
                case "false", "0", "no", "off" -> value = false;
                default -> errors.add(new FieldError(List.of("query", name), "Input should be a valid boolean, unable to interpret input", "bool_parsing"));
            }
        }
        params.put(param, value);
        return this;
    }

    public <E extends Enum<E>> Queries enumValue(String name, String param, Class<E> type) {
        String raw = in.getHeader(name, String.class);
        String value = null;
        if (raw != null && !raw.isBlank()) {
            try {
                value = Enum.valueOf(type, raw.trim()).name();
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(List.of("query", name), "Input should be one of " + List.of(type.getEnumConstants()), "enum"));
            }
        }
        params.put(param, value);
        return this;
    }

    public Queries uuid(String name, String param, boolean required) {
        String raw = in.getHeader(name, String.class);
        String value = null;
        if (raw == null || raw.isBlank()) {
            if (required) {
                errors.add(new FieldError(List.of("query", name), "Field required", "missing"));
            }
        } else {
            try {
                value = UUID.fromString(raw.trim()).toString();
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(List.of("query", name), "Input should be a valid UUID", "uuid_parsing"));
            }
        }
        params.put(param, value);
        return this;
    }

    /** The parameters, or the 422 listing every bad query parameter. */
    public Map<String, Object> params() {
        if (!errors.isEmpty()) {
            throw new RequestValidationException(errors);
        }
        return params;
    }

    /** A list answer from the rows of a paged statement ({@code total_count_} on every row; no {@code id} on an empty page). */
    public static <T> Map<String, Object> page(List<Map<String, Object>> rows, Function<Map<String, Object>, T> view) {
        long count = rows.isEmpty() ? 0 : ((Number) rows.get(0).get("total_count_")).longValue();
        return Paging.page(rows.stream().filter(r -> r.get("id") != null).map(view).toList(), count);
    }
}
