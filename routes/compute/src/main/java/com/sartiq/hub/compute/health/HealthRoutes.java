package com.sartiq.hub.compute.health;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The documented compute liveness check {@code GET /health} (outside {@code /api/v1}, no API key).
 * Dependencies and readiness: {@code /actuator/health}.
 */
@Component
public class HealthRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("platform-http:/health?httpMethodRestrict=GET").routeId("health.liveness")
            .removeHeaders("*")
            .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
            .setBody(constant("{\"status\":\"ok\"}"));
    }
}
