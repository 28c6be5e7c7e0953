package com.sartiq.hub.backend.catalog;

import com.sartiq.hub.backend.tenancy.Scope;
import com.sartiq.hub.backend.utils.Paging;
import com.sartiq.hub.common.rest.ApiException;
import com.sartiq.hub.common.rest.FieldError;
import com.sartiq.hub.common.rest.RequestValidationException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.sql.SqlConstants;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The steps of one catalog resource's routes, as plain processors: read and check the request, set the
 * statement ({@code CamelSqlQuery} header) and its named parameters (body map), shape the answer.
 * Exchange properties: {@code scope} (from tenancy), {@code row} (the row found by id), {@code values}
 * (the validated body), {@code cacheField} (this list request's cache entry).
 */
public class CatalogHandlers {

    private final CatalogResource resource;
    private final CatalogSql sql;
    private final List<Column> bodyFields;
    private final CatalogBodies bodies;
    private final CatalogRows rows;

    public CatalogHandlers(CatalogResource resource, CatalogSql sql, List<Column> bodyFields, CatalogBodies bodies, CatalogRows rows) {
        this.resource = resource;
        this.sql = sql;
        this.bodyFields = List.copyOf(bodyFields);
        this.bodies = bodies;
        this.rows = rows;
    }

    public CatalogResource resource() {
        return resource;
    }

    /** Reads skip, limit and the resource's filters (422 listing each bad one) into the list statement. */
    public void listQuery(Exchange exchange) {
        Message in = exchange.getMessage();
        List<FieldError> errors = new ArrayList<>();
        Map<String, Object> params = scopeParams(exchange);
        Paging.read(in, errors).addTo(params);
        Set<String> present = new TreeSet<>();
        boolean includePublic = resource.publicInList();
        for (ListFilter filter : resource.filters()) {
            String raw = in.getHeader(filter.name(), String.class);
            if (raw == null || raw.isEmpty()) {
                continue;
            }
            switch (filter.kind()) {
                case ENUM -> {
                    if (List.of(filter.allowedValues()).contains(raw)) {
                        params.put(filter.name(), raw);
                        present.add(filter.name());
                    } else {
                        errors.add(new FieldError(List.of("query", filter.name()), "Input should be " + filter.allowedText(), "enum"));
                    }
                }
                case UUID -> {
                    try {
                        params.put(filter.name(), UUID.fromString(raw).toString());
                        present.add(filter.name());
                    } catch (IllegalArgumentException e) {
                        errors.add(new FieldError(List.of("query", filter.name()), "Input should be a valid UUID", "uuid_parsing"));
                    }
                }
                case BOOLEAN, INCLUDE_PUBLIC -> {
                    Boolean value = booleanParam(raw);
                    if (value == null) {
                        errors.add(new FieldError(List.of("query", filter.name()), "Input should be a valid boolean", "bool_parsing"));
                    } else if (value) {
                        present.add(filter.name());
                        includePublic |= filter.kind() == ListFilter.Kind.INCLUDE_PUBLIC;
                    }
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new RequestValidationException(errors);
        }
        Scope scope = exchange.getProperty(Scope.PROPERTY, Scope.class);
        boolean personal = scope == null || scope.personal();
        String statement = sql.list(personal, includePublic, present);
        exchange.setProperty("cacheField", cacheField(scope, params, present, includePublic));
        in.setHeader(SqlConstants.SQL_QUERY, statement);
        in.setBody(params);
    }

    @SuppressWarnings("unchecked")
    public void page(Exchange exchange) {
        exchange.getMessage().setBody(rows.page(exchange.getProperty("rows", List.class), resource.publicType()));
    }

    /** Sets the by-id statement; a path id that is not a UUID is simply not found. */
    public void byIdQuery(Exchange exchange) {
        Message in = exchange.getMessage();
        String id = in.getHeader(resource.idParam(), String.class);
        try {
            id = UUID.fromString(id == null ? "" : id).toString();
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound(resource.label());
        }
        Map<String, Object> params = scopeParams(exchange);
        params.put("id", id);
        exchange.setProperty("id", id);
        exchange.setProperty("requestBody", in.getBody(String.class));
        in.setHeader(SqlConstants.SQL_QUERY, sql.byId());
        in.setBody(params);
    }

    /** The by-id row, or 404: rows of other tenants are not found, exactly like missing ones. */
    @SuppressWarnings("unchecked")
    public void found(Exchange exchange) {
        Map<String, Object> row = exchange.getMessage().getBody(Map.class);
        if (row == null) {
            throw ApiException.notFound(resource.label());
        }
        exchange.setProperty("row", new HashMap<>(row));
    }

    /** Visible is not enough to change a row: published rows of other tenants answer 403. */
    @SuppressWarnings("unchecked")
    public void requireWritable(Exchange exchange) {
        Map<String, Object> row = exchange.getProperty("row", Map.class);
        if (!Boolean.TRUE.equals(row.get(CatalogRows.WRITABLE))) {
            throw new ApiException(403, "Not enough permissions");
        }
    }

    /** Global resources (generation models) are written by superusers only. */
    public void requireWriteAccess(Exchange exchange) {
        Scope scope = exchange.getProperty(Scope.PROPERTY, Scope.class);
        if (resource.global() && (scope == null || !scope.superuser())) {
            throw new ApiException(403, "Not enough permissions");
        }
    }

    public void readCreate(Exchange exchange) {
        Object value = bodies.create(exchange.getMessage().getBody(String.class), resource.createType(), bodyFields);
        accept(exchange, value);
    }

    @SuppressWarnings("unchecked")
    public void readUpdate(Exchange exchange) {
        Object current = rows.toPublic(exchange.getProperty("row", Map.class), resource.publicType());
        Object value = bodies.update(exchange.getProperty("requestBody", String.class), current, resource.createType(), bodyFields);
        accept(exchange, value);
    }

    private void accept(Exchange exchange, Object value) {
        Map<String, Object> values = bodies.params(value, sql.columns());
        Scope scope = exchange.getProperty(Scope.PROPERTY, Scope.class);
        // publishing to every tenant is an administrator's act
        if (Boolean.TRUE.equals(values.get("public")) && !scope.superuser()
                && !Boolean.TRUE.equals(previous(exchange, "public"))) {
            throw new ApiException(403, "Not enough permissions");
        }
        exchange.setProperty("values", values);
        Map<String, Object> images = new LinkedHashMap<>();
        bodies.params(value, bodyFields).forEach((field, url) -> {
            if (url != null && resource.media().contains(field)) {
                images.put(field, url);
            }
        });
        exchange.setProperty("images", images);
    }

    /** Whether the body named images (only those slots are attached; the others keep theirs). */
    @SuppressWarnings("unchecked")
    public boolean hasImages(Exchange exchange) {
        Map<String, Object> images = exchange.getProperty("images", Map.class);
        return images != null && !images.isEmpty();
    }

    /** The {@code direct:media.attach} request for the body's images: one single-value slot per image field. */
    @SuppressWarnings("unchecked")
    public void attachRequest(Exchange exchange) {
        List<Map<String, Object>> slots = new ArrayList<>();
        exchange.getProperty("images", Map.class).forEach((field, url) -> {
            Map<String, Object> slot = new HashMap<>();
            slot.put("slot", field);
            slot.put("position", null);
            slot.put("url", url);
            slots.add(slot);
        });
        exchange.getMessage().setBody(Map.of("entity_type", resource.entityType(), "entity_id", exchange.getProperty("id"), "slots", slots));
    }

    /** The {@code direct:media.urls} request for the rows kept in property {@code rows} (list) or {@code row}. */
    @SuppressWarnings("unchecked")
    public void urlsRequest(Exchange exchange) {
        List<String> ids = new ArrayList<>();
        for (Map<String, Object> row : keptRows(exchange)) {
            if (row.get("id") != null) {
                ids.add(String.valueOf(row.get("id")));
            }
        }
        exchange.getMessage().setBody(Map.of("entity_type", resource.entityType(), "entity_ids", ids));
    }

    /** Puts each image's CDN URL ({@code <field>_url}) into the kept rows from the {@code direct:media.urls} answer. */
    @SuppressWarnings("unchecked")
    public void withUrls(Exchange exchange) {
        Map<String, Map<String, Object>> urls = exchange.getMessage().getBody(Map.class);
        for (Map<String, Object> row : keptRows(exchange)) {
            Map<String, Object> slots = row.get("id") == null ? null : urls.get(String.valueOf(row.get("id")));
            for (String field : resource.media()) {
                row.put(field + "_url", slots == null ? null : slots.get(field));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> keptRows(Exchange exchange) {
        List<Map<String, Object>> list = exchange.getProperty("rows", List.class);
        if (list != null) {
            return list;
        }
        Map<String, Object> row = exchange.getProperty("row", Map.class);
        return row == null ? List.of() : List.of(row);
    }

    /** Keeps a list result (property {@code rows}) for {@link #withUrls} and {@link #page}. */
    public void keepRows(Exchange exchange) {
        exchange.setProperty("rows", exchange.getMessage().getBody(List.class));
    }

    /** Keeps the written row (one-row result of {@code returning}) as property {@code row}, or 404 if it vanished meanwhile. */
    @SuppressWarnings("unchecked")
    public void keepWritten(Exchange exchange) {
        List<Map<String, Object>> result = exchange.getMessage().getBody(List.class);
        if (result == null || result.isEmpty()) {
            throw ApiException.notFound(resource.label());
        }
        exchange.setProperty("row", new HashMap<>(result.get(0)));
    }

    @SuppressWarnings("unchecked")
    private static Object previous(Exchange exchange, String column) {
        Map<String, Object> row = exchange.getProperty("row", Map.class);
        return row == null ? null : row.get(column);
    }

    /** The ids the body names, each to be checked visible by {@code catalog.check-reference}. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> references(Exchange exchange) {
        Map<String, Object> values = exchange.getProperty("values", Map.class);
        Scope scope = exchange.getProperty(Scope.PROPERTY, Scope.class);
        List<Map<String, Object>> checks = new ArrayList<>();
        resource.references().forEach((field, table) -> {
            Object id = values.get(field);
            if (id != null) {
                Map<String, Object> params = new HashMap<>(scope.params());
                params.put("refId", id);
                params.put("field", field);
                params.put("label", CatalogResources.byTable(table).label());
                params.put("statement", CatalogSql.referenceVisible(table, CatalogResources.byTable(table).publicRows()));
                checks.add(params);
            }
        });
        return checks;
    }

    /** After the reference counts: every id that named nothing visible is a 422 on its field. */
    @SuppressWarnings("unchecked")
    public void referencesFound(Exchange exchange) {
        List<Map<String, Object>> checks = exchange.getProperty("referenceChecks", List.class);
        List<FieldError> errors = new ArrayList<>();
        for (Map<String, Object> check : checks) {
            if (!Boolean.TRUE.equals(check.get("found"))) {
                errors.add(FieldError.body((String) check.get("field"), check.get("label") + " not found", "not_found"));
            }
        }
        if (!errors.isEmpty()) {
            throw new RequestValidationException(errors);
        }
    }

    @SuppressWarnings("unchecked")
    public void insertQuery(Exchange exchange) {
        Map<String, Object> params = scopeParams(exchange);
        params.putAll(exchange.getProperty("values", Map.class));
        String id = UUID.randomUUID().toString();
        params.put("id", id);
        exchange.setProperty("id", id);
        exchange.getMessage().setHeader(SqlConstants.SQL_QUERY, sql.insert());
        exchange.getMessage().setBody(params);
    }

    @SuppressWarnings("unchecked")
    public void updateQuery(Exchange exchange) {
        Map<String, Object> params = scopeParams(exchange);
        params.putAll(exchange.getProperty("values", Map.class));
        params.put("id", exchange.getProperty("id"));
        exchange.getMessage().setHeader(SqlConstants.SQL_QUERY, sql.update());
        exchange.getMessage().setBody(params);
    }

    public void deleteQuery(Exchange exchange) {
        Map<String, Object> params = scopeParams(exchange);
        params.put("id", exchange.getProperty("id"));
        exchange.getMessage().setHeader(SqlConstants.SQL_QUERY, sql.delete());
        exchange.getMessage().setBody(params);
    }

    @SuppressWarnings("unchecked")
    public void answerRow(Exchange exchange) {
        exchange.getMessage().setBody(rows.toPublic(exchange.getProperty("row", Map.class), resource.publicType()));
    }

    public void deleted(Exchange exchange) {
        exchange.getMessage().setBody(new com.sartiq.hub.backend.catalog.Message(resource.label() + " deleted successfully"));
    }

    private static Map<String, Object> scopeParams(Exchange exchange) {
        Scope scope = exchange.getProperty(Scope.PROPERTY, Scope.class);
        if (scope == null) {
            Map<String, Object> anonymous = new HashMap<>();
            anonymous.put("userId", null);
            anonymous.put("superuser", false);
            anonymous.put("organizationId", null);
            return anonymous;
        }
        return new HashMap<>(scope.params());
    }

    /** One cache entry per tenant and query: lists of different tenants never share an answer. */
    private String cacheField(Scope scope, Map<String, Object> params, Set<String> present, boolean includePublic) {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("tenant", resource.global() || scope == null ? "*" : scope.personal() ? "user:" + scope.userId() : "org:" + scope.organizationId());
        key.put("skip", params.get("skip"));
        key.put("limit", params.get("limit"));
        key.put("public", includePublic);
        for (String name : present) {
            key.put(name, params.get(name));
        }
        return key.toString();
    }

    /** Booleans the way FastAPI reads query strings. */
    static Boolean booleanParam(String raw) {
        return switch (raw.trim().toLowerCase()) {
            case "true", "1", "yes", "on", "t", "y" -> true;
            case "false", "0", "no", "off", "f", "n" -> false;
            default -> null;
        };
    }
}
