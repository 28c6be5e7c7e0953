package com.sartiq.hub.backend.search;

import com.sartiq.hub.backend.tenancy.Scope;
import com.sartiq.hub.common.rest.FieldError;
import com.sartiq.hub.common.rest.RequestValidationException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The search request's checked parameters: the text as a LIKE pattern (wildcards escaped) and the per-type limit. */
public final class SearchQuery {

    public static final int MAX_LIMIT = 50;
    public static final int MAX_TEXT = 200;

    private SearchQuery() {
    }

    public static Map<String, Object> params(String q, String limit, Scope scope) {
        List<FieldError> errors = new ArrayList<>();
        String text = q == null ? "" : q.trim();
        if (text.isEmpty()) {
            errors.add(new FieldError(List.of("query", "q"), "Field required", "missing"));
        } else if (text.length() > MAX_TEXT) {
            errors.add(new FieldError(List.of("query", "q"), "String should have at most " + MAX_TEXT + " characters", "string_too_long"));
        } else if (text.indexOf('\0') >= 0) {
            errors.add(new FieldError(List.of("query", "q"), "String should not contain NUL characters", "string_nul"));
        }
        int perType = 5;
        if (limit != null && !limit.isEmpty()) {
            try {
                perType = Integer.parseInt(limit.trim());
                if (perType < 1 || perType > MAX_LIMIT) {
                    errors.add(new FieldError(List.of("query", "limit"), "Input should be between 1 and " + MAX_LIMIT, "range"));
                }
            } catch (NumberFormatException e) {
                errors.add(new FieldError(List.of("query", "limit"), "Input should be a valid integer, unable to parse string as an integer", "int_parsing"));
            }
        }
        if (!errors.isEmpty()) {
            throw new RequestValidationException(errors);
        }
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("pattern", "%" + likeEscape(text.toLowerCase(Locale.ROOT)) + "%");
        params.put("limit", perType);
        return params;
    }

    static String likeEscape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
