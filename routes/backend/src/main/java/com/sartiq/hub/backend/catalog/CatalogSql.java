package com.sartiq.hub.backend.catalog;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The statements of one catalog resource, derived from its description: identifiers come only from
 * the description (never from a request), values are always named parameters. Tenant resources use
 * the visibility rule of {@code tenancy/README.md}; parameters {@code userId}, {@code superuser} and
 * {@code organizationId} come from the caller's {@code Scope}.
 *
 * <p>Lists are one statement: the count of matching rows joined to the requested page, so an empty
 * page still carries the count. They sort by {@code created_at desc, id desc} (stable: ids break ties),
 * which the tenant indexes of the migration serve.
 */
public final class CatalogSql {

    static final String MEMBER_OF = "select organization_id from organization_member where user_id = cast(:#userId as uuid)";

    private final CatalogResource resource;
    private final List<Column> columns;

    public CatalogSql(CatalogResource resource, List<Column> columns) {
        this.resource = resource;
        this.columns = List.copyOf(columns);
    }

    public List<Column> columns() {
        return columns;
    }

    /** Rows the caller may change: their personal ones, their organizations', or any for a superuser. */
    String writable() {
        if (resource.global()) {
            return ":#superuser";
        }
        return "(t.organization_id is null and t.owner_id = cast(:#userId as uuid) or t.organization_id in (" + MEMBER_OF + ") or :#superuser)";
    }

    /** Rows the caller may read: the writable ones plus published ones. */
    String visible() {
        if (resource.global()) {
            return "true";
        }
        return resource.publicRows() ? "(" + writable() + " or t.public)" : writable();
    }

    public String byId() {
        return "select t.*, " + writable() + " as writable_ from " + resource.table() + " t where t.id = cast(:#id as uuid) and " + visible();
    }

    /** Whether a row the body refers to exists and is visible (used for every entry of {@code references}). */
    public static String referenceVisible(String table, boolean publicRows) {
        String own = "(t.organization_id is null and t.owner_id = cast(:#userId as uuid) or t.organization_id in (" + MEMBER_OF + ") or :#superuser"
                + (publicRows ? " or t.public)" : ")");
        return "select count(*) from " + table + " t where t.id = cast(:#refId as uuid) and " + own;
    }

    public String insert() {
        String names = columns.stream().map(Column::quoted).collect(Collectors.joining(", "));
        String values = columns.stream().map(Column::param).collect(Collectors.joining(", "));
        return resource.global()
                ? "insert into " + resource.table() + " (id, " + names + ") values (cast(:#id as uuid), " + values + ") returning *"
                : "insert into " + resource.table() + " (id, owner_id, organization_id, " + names + ") values (cast(:#id as uuid), "
                        + "cast(:#userId as uuid), cast(:#organizationId as uuid), " + values + ") returning *";
    }

    public String update() {
        String sets = columns.stream().map(c -> c.quoted() + " = " + c.param()).collect(Collectors.joining(", "));
        return "update " + resource.table() + " t set " + sets + ", updated_at = now() where t.id = cast(:#id as uuid) and " + writable() + " returning t.*";
    }

    /** Deletes the row and, for resources with images, its media attachments (the media resources stay). */
    public String delete() {
        String row = "delete from " + resource.table() + " t where t.id = cast(:#id as uuid) and " + writable();
        if (resource.entityType() == null) {
            return row;
        }
        return "with gone as (" + row + " returning t.id) delete from media_resource_attachment a using gone"
                + " where a.entity_type = '" + resource.entityType() + "' and a.entity_id = gone.id";
    }

    /**
     * A page of the list for the given scope kind and the filters present (names of {@code resource.filters()}).
     * Each combination is its own statement so the planner picks the index that fits it.
     */
    public String list(boolean personal, boolean includePublic, Set<String> presentFilters) {
        StringBuilder where = new StringBuilder();
        if (resource.global()) {
            where.append("true");
        } else {
            String tenant = personal
                    ? "t.organization_id is null and t.owner_id = cast(:#userId as uuid)"
                    : "t.organization_id = cast(:#organizationId as uuid)";
            where.append(includePublic ? "(" + tenant + " or t.public)" : tenant);
        }
        for (ListFilter filter : resource.filters()) {
            if (filter.condition() != null && presentFilters.contains(filter.name())) {
                where.append(" and ").append(filter.condition());
            }
        }
        String from = " from " + resource.table() + " t where " + where;
        return "select c.total as total_count_, p.* from (select count(*) as total" + from + ") c"
                + " left join lateral (select t.*" + from + " order by t.created_at desc, t.id desc limit :#limit offset :#skip) p on true";
    }
}
