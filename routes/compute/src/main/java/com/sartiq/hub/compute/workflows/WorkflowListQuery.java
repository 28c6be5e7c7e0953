package com.sartiq.hub.compute.workflows;

import com.sartiq.hub.common.rest.FieldError;
import com.sartiq.hub.common.rest.RequestValidationException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The filters and paging of {@code GET /api/v1/workflows/} ({@code status}, {@code template},
 * {@code origin_instance}, {@code page}, {@code page_size}), read into the parameters of
 * {@code workflow-list.sql}; every bad parameter is reported at once ({@code loc: ["query", name]}).
 */
final class WorkflowListQuery {

    static final List<String> PARAMS = List.of("status", "template", "origin_instance", "page", "page_size");
    static final Set<String> STATUSES = Set.of("created", "running", "paused", "completed", "failed", "cancelled");
    static final int MAX_PAGE_SIZE = 200;

    private WorkflowListQuery() {
    }

    static Map<String, Object> read(Map<String, String> query) {
        List<FieldError> errors = new ArrayList<>();
        int page = number(query.get("page"), "page", 1, Integer.MAX_VALUE, 1, errors);
        int pageSize = number(query.get("page_size"), "page_size", 1, MAX_PAGE_SIZE, 50, errors);
        String status = blankToNull(query.get("status"));
        if (status != null && !STATUSES.contains(status)) {
            errors.add(new FieldError(List.of("query", "status"), "Input should be one of " + STATUSES.stream().sorted().toList(), "enum"));
        }
        if (!errors.isEmpty()) {
            throw new RequestValidationException(errors);
        }
        Map<String, Object> params = new HashMap<>();
        params.put("status", status);
        params.put("template", blankToNull(query.get("template")));
        params.put("originInstance", blankToNull(query.get("origin_instance")));
        params.put("page", page);
        params.put("pageSize", pageSize);
        params.put("offset", (long) (page - 1) * pageSize);
        return params;
    }

    private static int number(String raw, String name, int min, int max, int fallback, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value < min || value > max) {
                errors.add(new FieldError(List.of("query", name), "Input should be between " + min + " and " + max, "value_error"));
            }
            return value;
        } catch (NumberFormatException e) {
            errors.add(new FieldError(List.of("query", name), "Input should be a valid integer, unable to parse string as an integer", "int_parsing"));
            return fallback;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
