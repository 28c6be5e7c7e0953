package com.sartiq.hub.backend.catalog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sartiq.hub.common.sql.SqlValues;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Result rows → the documented answer schemas. The row is normalised (UUIDs as text, timestamps as
 * UTC, {@code jsonb} parsed) and bound to the resource's public record, so an answer never carries a
 * column its schema does not document.
 */
public class CatalogRows {

    static final String TOTAL = "total_count_";
    static final String WRITABLE = "writable_";

    private final ObjectMapper mapper;

    public CatalogRows(ObjectMapper mapper) {
        this.mapper = mapper.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    public Object toPublic(Map<String, Object> row, Class<?> publicType) {
        return mapper.convertValue(normalise(row), publicType);
    }

    /** {@code {"data": [...], "count": N}} from the rows of a {@link CatalogSql#list} statement. */
    public Map<String, Object> page(List<Map<String, Object>> rows, Class<?> publicType) {
        long count = rows.isEmpty() || rows.get(0).get(TOTAL) == null ? 0 : ((Number) rows.get(0).get(TOTAL)).longValue();
        List<Object> data = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            if (row.get("id") != null) {
                data.add(toPublic(row, publicType));
            }
        }
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("data", data);
        page.put("count", count);
        return page;
    }

    Map<String, Object> normalise(Map<String, Object> row) {
        Map<String, Object> clean = new HashMap<>();
        row.forEach((column, value) -> clean.put(column, normaliseValue(value)));
        return clean;
    }

    private Object normaliseValue(Object value) {
        if (value instanceof UUID uuid) {
            return uuid.toString();
        }
        if (value instanceof Timestamp) {
            return SqlValues.utc(value).toString();
        }
        if (value instanceof org.postgresql.util.PGobject json && json.getValue() != null
                && ("jsonb".equals(json.getType()) || "json".equals(json.getType()))) {
            try {
                return mapper.readTree(json.getValue());
            } catch (Exception e) {
                throw new IllegalStateException("unreadable json column", e);
            }
        }
        return value;
    }
}
