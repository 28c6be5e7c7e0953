package com.sartiq.hub.backend.tenancy;

import com.sartiq.hub.backend.auth.Logins;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * {@code direct:tenancy.scope}: every protected route calls it first. It identifies the caller from the
 * bearer token and sets the {@link Scope} property for the organization the request names (query
 * parameter {@code organization_id}) or, without one, for the caller's personal resources.
 */
@Component
public class TenancyRoutes extends RouteBuilder {

    private final Logins logins;

    public TenancyRoutes(Logins logins) {
        this.logins = logins;
    }

    @Override
    public void configure() {
        from("direct:tenancy.scope").routeId("tenancy.scope").errorHandler(noErrorHandler())
            .process(logins::identify)
            .setProperty("requestBody", body())
            .process(e -> {
                Map<String, Object> params = new HashMap<>();
                params.put("userId", e.getProperty("userId"));
                params.put("organizationId", Scopes.organizationParam(e.getMessage().getHeader(Scopes.ORGANIZATION_PARAM, String.class)));
                e.setProperty("requestedOrganization", params.get("organizationId"));
                e.getMessage().setBody(params);
            })
            .to("sql:classpath:sql/backend/tenancy-scope.sql?outputType=SelectOne")
            .process(e -> e.setProperty(Scope.PROPERTY,
                    Scopes.of(e.getMessage().getBody(Map.class), e.getProperty("requestedOrganization", String.class))))
            .setBody(exchangeProperty("requestBody"))
            .removeProperties("requestBody|requestedOrganization");
    }
}
