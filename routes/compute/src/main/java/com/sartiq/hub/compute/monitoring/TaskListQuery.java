package com.sartiq.hub.compute.monitoring;

import com.sartiq.hub.common.rest.FieldError;
import com.sartiq.hub.common.rest.RequestValidationException;
import com.sartiq.hub.compute.tasks.TaskType;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The documented filters and paging of {@code GET /api/v1/monitoring/tasks}, read from query
 * parameters into the named parameters of {@code monitoring-tasks.sql}. Every bad parameter is
 * reported at once, FastAPI style ({@code loc: ["query", name]}).
 */
public final class TaskListQuery {

    public static final int DEFAULT_PAGE_SIZE = 50;
    public static final int MAX_PAGE_SIZE = 200;
    static final Set<String> STATUSES = Set.of("pending", "running", "completed", "failed", "cancelled");
    static final Set<String> SORTABLE = Set.of("created_at", "updated_at", "started_at", "completed_at", "status", "task_type", "priority",
            "duration");

    private TaskListQuery() {
    }

    /** @param query raw query parameters (absent ones null) */
    public static Map<String, Object> read(Map<String, String> query) {
        List<FieldError> errors = new ArrayList<>();
        int page = integer(query, "page", 1, 1, Integer.MAX_VALUE, errors);
        int pageSize = integer(query, "page_size", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE, errors);
        String sortBy = oneOf(query, "sort_by", "created_at", SORTABLE, errors);
        String sortOrder = oneOf(query, "sort_order", "desc", Set.of("asc", "desc"), errors);
        String status = oneOf(query, "status", null, STATUSES, errors);
        String taskType = query.get("task_type");
        if (taskType != null) {
            taskType = TaskType.parse(taskType).map(Enum::name).orElse(null);
            if (taskType == null) {
                errors.add(error("task_type", "Input should be one of " + List.of(TaskType.values()), "enum"));
            }
        }
        OffsetDateTime after = timestamp(query, "created_after", errors);
        OffsetDateTime before = timestamp(query, "created_before", errors);
        if (!errors.isEmpty()) {
            throw new RequestValidationException(errors);
        }
        Map<String, Object> params = new HashMap<>();
        params.put("page", page);
        params.put("pageSize", pageSize);
        params.put("offset", (long) (page - 1) * pageSize);
        params.put("sortKey", sortBy + ":" + sortOrder);
        params.put("status", status);
        params.put("taskType", taskType);
        params.put("createdAfter", after);
        params.put("createdBefore", before);
        params.put("originInstance", blankToNull(query.get("origin_instance")));
        params.put("originTenantId", blankToNull(query.get("origin_tenant_id")));
        params.put("originZone", blankToNull(query.get("origin_zone")));
        params.put("providerType", blankToNull(query.get("provider_type")));
        String search = blankToNull(query.get("search"));
        // a task-id prefix: only hex digits and dashes can match, anything else is matched literally and finds nothing
        params.put("search", search == null ? null : search.toLowerCase(Locale.ROOT).replaceAll("[^0-9a-f-]", "#") + "%");
        return params;
    }

    private static int integer(Map<String, String> query, String name, int fallback, int min, int max, List<FieldError> errors) {
        String raw = query.get(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value < min) {
                errors.add(error(name, "Input should be greater than or equal to " + min, "greater_than_equal"));
            } else if (value > max) {
                errors.add(error(name, "Input should be less than or equal to " + max, "less_than_equal"));
            }
            return value;
        } catch (NumberFormatException e) {
            errors.add(error(name, "Input should be a valid integer, unable to parse string as an integer", "int_parsing"));
            return fallback;
        }
    }

    private static String oneOf(Map<String, String> query, String name, String fallback, Set<String> allowed, List<FieldError> errors) {
        String raw = query.get(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        String value = raw.trim().toLowerCase(Locale.ROOT);
        if (!allowed.contains(value)) {
            errors.add(error(name, "Input should be one of " + allowed.stream().sorted().toList(), "enum"));
        }
        return value;
    }

    private static OffsetDateTime timestamp(Map<String, String> query, String name, List<FieldError> errors) {
        String raw = query.get(name);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(raw.trim());
        } catch (DateTimeParseException e) {
            try {
                // a date-time without offset is UTC, as the API writes its own timestamps
                return java.time.LocalDateTime.parse(raw.trim()).atOffset(java.time.ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                errors.add(error(name, "Input should be a valid datetime (ISO 8601)", "datetime_parsing"));
                return null;
            }
        }
    }

    private static FieldError error(String name, String message, String type) {
        return new FieldError(List.of("query", name), message, type);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
