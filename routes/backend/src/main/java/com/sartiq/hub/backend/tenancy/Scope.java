package com.sartiq.hub.backend.tenancy;

import java.util.HashMap;
import java.util.Map;

/**
 * Who is asking and on whose behalf: the caller, whether they are a superuser, and the organization
 * named by the request's {@code organization_id} (null for the caller's personal resources), with the
 * caller's role in it ({@code admin} or {@code member}; superusers act as {@code admin}).
 *
 * <p>Stored as the exchange property {@value #PROPERTY}. SQL reads it as
 * {@code :#${exchangeProperty.scope.userId}} etc., or from {@link #params()} merged into a body map.
 * The visibility predicate every by-id query uses (see {@code tenancy/README.md}):
 * <pre>
 *   (t.organization_id is null and t.owner_id = :#userId
 *    or t.organization_id in (select organization_id from organization_member where user_id = :#userId)
 *    or :#superuser)
 * </pre>
 */
public record Scope(String userId, boolean superuser, String organizationId, String organizationRole) {

    public static final String PROPERTY = "scope";

    public boolean personal() {
        return organizationId == null;
    }

    public boolean organizationAdmin() {
        return superuser || "admin".equals(organizationRole);
    }

    /** Named SQL parameters: {@code userId}, {@code superuser}, {@code organizationId} (may be null). */
    public Map<String, Object> params() {
        Map<String, Object> params = new HashMap<>();
        params.put("userId", userId);
        params.put("superuser", superuser);
        params.put("organizationId", organizationId);
        return params;
    }
}
