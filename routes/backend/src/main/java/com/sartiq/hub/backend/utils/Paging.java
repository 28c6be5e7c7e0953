package com.sartiq.hub.backend.utils;

import com.sartiq.hub.common.rest.FieldError;
import com.sartiq.hub.common.rest.RequestValidationException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The documented list paging: query {@code skip} (default 0) and {@code limit} (default 100, at most
 * {@value #MAX_LIMIT}); answers are {@code {"data": [...], "count": N}} with {@code count} the total.
 */
public record Paging(int skip, int limit) {

    public static final int MAX_LIMIT = 1000;

    /** Reads and checks {@code skip}/{@code limit} from the request's query headers; 422 names each bad one. */
    public static Paging of(Exchange exchange) {
        List<FieldError> errors = new ArrayList<>();
        Paging paging = read(exchange.getMessage(), errors);
        if (!errors.isEmpty()) {
            throw new RequestValidationException(errors);
        }
        return paging;
    }

    /** Reads {@code skip}/{@code limit}, adding each bad one to {@code errors}: for lists that check more query parameters. */
    public static Paging read(Message in, List<FieldError> errors) {
        return new Paging(parse(in.getHeader("skip", String.class), "skip", 0, 0, Integer.MAX_VALUE, errors),
                parse(in.getHeader("limit", String.class), "limit", 100, 1, MAX_LIMIT, errors));
    }

    private static int parse(String raw, String name, int fallback, int min, int max, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            long value = Long.parseLong(raw.trim());
            if (value < min) {
                errors.add(new FieldError(List.of("query", name), "Input should be greater than or equal to " + min, "greater_than_equal"));
            } else if (value > max) {
                errors.add(new FieldError(List.of("query", name), "Input should be less than or equal to " + max, "less_than_equal"));
            } else {
                return (int) value;
            }
        } catch (NumberFormatException e) {
            errors.add(new FieldError(List.of("query", name), "Input should be a valid integer, unable to parse string as an integer", "int_parsing"));
        }
        return fallback;
    }

    /** Named SQL parameters {@code skip} and {@code limit} added to {@code params}. */
    public Map<String, Object> addTo(Map<String, Object> params) {
        params.put("skip", skip);
        params.put("limit", limit);
        return params;
    }

    /** The list answer. */
    public static Map<String, Object> page(List<?> data, long count) {
        return Map.of("data", data, "count", count);
    }
}
