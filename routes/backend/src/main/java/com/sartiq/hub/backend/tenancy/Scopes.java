package com.sartiq.hub.backend.tenancy;

import com.sartiq.hub.common.rest.ApiException;
import com.sartiq.hub.common.rest.FieldError;
import com.sartiq.hub.common.rest.RequestValidationException;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds a {@link Scope} from the request's {@code organization_id} and the caller's row. */
public final class Scopes {

    public static final String ORGANIZATION_PARAM = "organization_id";

    private Scopes() {
    }

    /** The {@code organization_id} query value, null when absent or blank; 422 when it is not a UUID. */
    public static String organizationParam(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(raw.trim()).toString();
        } catch (IllegalArgumentException e) {
            throw new RequestValidationException(List.of(new FieldError(List.of("query", ORGANIZATION_PARAM),
                    "Input should be a valid UUID", "uuid_parsing")));
        }
    }

    /**
     * The scope for a caller row ({@code id, is_active, is_superuser, role} of {@code tenancy-scope.sql}).
     * An organization the caller does not belong to answers 404, exactly like one that does not exist,
     * so ids of other tenants' organizations cannot be probed.
     */
    public static Scope of(Map<String, Object> caller, String organizationId) {
        if (caller == null) {
            throw ApiException.unauthorized("Could not validate credentials");
        }
        if (!Boolean.TRUE.equals(caller.get("is_active"))) {
            throw new ApiException(400, "Inactive user");
        }
        boolean superuser = Boolean.TRUE.equals(caller.get("is_superuser"));
        String role = (String) caller.get("role");
        if (organizationId != null && role == null && !superuser) {
            throw ApiException.notFound("Organization");
        }
        if (superuser && organizationId != null) {
            role = "admin";
        }
        return new Scope(String.valueOf(caller.get("id")), superuser, organizationId, role);
    }
}
