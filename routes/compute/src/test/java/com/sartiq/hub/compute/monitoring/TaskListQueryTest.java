package com.sartiq.hub.compute.monitoring;

import com.sartiq.hub.common.rest.RequestValidationException;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TaskListQueryTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        Map<String, Object> params = TaskListQuery.read(Map.of());
        assertEquals(1, params.get("page"));
        assertEquals(50, params.get("pageSize"));
        assertEquals(0L, params.get("offset"));
        assertEquals("created_at:desc", params.get("sortKey"));
        assertNull(params.get("status"));
    }

    @Test
    void filtersAreNormalisedAndPagingBecomesAnOffset() {
        Map<String, String> query = new HashMap<>();
        query.put("page", "3");
        query.put("page_size", "20");
        query.put("sort_by", "Duration");
        query.put("sort_order", "ASC");
        query.put("task_type", "generation");
        query.put("status", "failed");
        query.put("created_after", "2026-01-02T03:04:05");
        query.put("search", "ABC'%");
        Map<String, Object> params = TaskListQuery.read(query);
        assertEquals(40L, params.get("offset"));
        assertEquals("duration:asc", params.get("sortKey"));
        assertEquals("GENERATION", params.get("taskType"));
        assertEquals(OffsetDateTime.parse("2026-01-02T03:04:05Z"), params.get("createdAfter"));
        assertEquals("abc##%", params.get("search"), "only id characters can match; wildcards are neutralised");
    }

    @Test
    void everyBadParameterIsReportedAtOnce() {
        RequestValidationException e = assertThrows(RequestValidationException.class, () -> TaskListQuery.read(Map.of(
                "page", "x", "page_size", "0", "status", "lost", "task_type", "TELEPORT", "created_before", "soon")));
        assertEquals(5, e.errors().size(), e.errors().toString());
        e.errors().forEach(error -> assertEquals("query", error.loc().get(0)));
    }
}
