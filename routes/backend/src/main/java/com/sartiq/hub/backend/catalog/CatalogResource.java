package com.sartiq.hub.backend.catalog;

import java.util.List;
import java.util.Map;

/**
 * One catalog resource, described once: where it lives on the API and in the database, the documented
 * schemas of its body ({@code createType}) and answer ({@code publicType}, page {@code listType}), who
 * may see and write it, which verbs it offers, its list filters and the ids its body refers to.
 * {@link CatalogRoutes} turns each description into documented REST verbs and their routes;
 * {@link CatalogSql} derives the statements from the table and the create schema's fields.
 *
 * @param path         path under {@code /api/v1} (also the OpenAPI tag and the route id prefix)
 * @param table        table name; its columns are {@code id}, the create schema's fields, timestamps and,
 *                     for tenant resources, {@code owner_id}/{@code organization_id}
 * @param label        singular name used in messages ("Product not found")
 * @param global       true: no tenant (generation models) — superusers write, the list needs no token
 * @param update       verb of the by-id update ({@code PATCH}, {@code PUT}) or null for none
 * @param deletable    whether {@code DELETE /{id}} exists
 * @param publicRows   the table has a {@code public} column: rows an admin published for everyone
 * @param publicInList public rows are always part of lists (presets, shot types); otherwise only on request
 * @param cached       list answers are cached in Redis and evicted on every write of the resource
 * @param filters      list filters beyond skip/limit/organization_id
 * @param references   body field → table of the row it names; the row must be visible to the caller
 * @param entityType   the media attachments' {@code entity_type} ({@code PRODUCT}); null without images
 * @param media        image fields of the body (upload or media URLs, ingested by {@code direct:media.attach});
 *                     each is its own attachment slot and answers as {@code <field>_url}
 */
public record CatalogResource(String path, String table, String label, String description,
                              Class<?> createType, Class<?> publicType, Class<?> listType,
                              boolean global, String update, boolean deletable,
                              boolean publicRows, boolean publicInList, boolean cached,
                              List<ListFilter> filters, Map<String, String> references,
                              String entityType, List<String> media) {

    /** Path parameter of the by-id verbs, named like the docs' ({@code tag_id}, {@code set_design_id}). */
    public String idParam() {
        return table + "_id";
    }

    /** Route ids and direct endpoints are {@code <path>.<step>} ({@code products.list}). */
    public String route(String step) {
        return path + "." + step;
    }

    public static Builder builder(String path, String table, String label) {
        return new Builder(path, table, label);
    }

    public static final class Builder {
        private final String path;
        private final String table;
        private final String label;
        private String description = "";
        private Class<?> createType;
        private Class<?> publicType;
        private Class<?> listType;
        private boolean global;
        private String update = "PATCH";
        private boolean deletable = true;
        private boolean publicRows;
        private boolean publicInList;
        private boolean cached;
        private List<ListFilter> filters = List.of();
        private Map<String, String> references = Map.of();
        private String entityType;
        private List<String> media = List.of();

        private Builder(String path, String table, String label) {
            this.path = path;
            this.table = table;
            this.label = label;
        }

        public Builder description(String text) { this.description = text; return this; }
        public Builder schemas(Class<?> create, Class<?> answer, Class<?> page) {
            this.createType = create; this.publicType = answer; this.listType = page; return this;
        }
        public Builder global() { this.global = true; return this; }
        public Builder update(String verb) { this.update = verb; return this; }
        public Builder noUpdate() { this.update = null; return this; }
        public Builder noDelete() { this.deletable = false; return this; }
        /** Rows may be published to everyone; with {@code always} lists show them without asking. */
        public Builder publicRows(boolean always) { this.publicRows = true; this.publicInList = always; return this; }
        public Builder cached() { this.cached = true; return this; }
        public Builder filters(ListFilter... list) { this.filters = List.of(list); return this; }
        public Builder references(Map<String, String> fieldToTable) { this.references = Map.copyOf(fieldToTable); return this; }

        /** Image fields of the body, attached to the row as media of {@code entityType}. */
        public Builder media(String type, String... fields) { this.entityType = type; this.media = List.of(fields); return this; }

        public CatalogResource build() {
            return new CatalogResource(path, table, label, description, createType, publicType, listType, global, update,
                    deletable, publicRows, publicInList, cached, filters, references, entityType, media);
        }
    }
}
