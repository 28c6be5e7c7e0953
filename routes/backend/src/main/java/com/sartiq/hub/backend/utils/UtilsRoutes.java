package com.sartiq.hub.backend.utils;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The documented liveness check {@code GET /api/v1/utils/health-check/}: answers {@code true} while
 * the API serves requests. Dependencies are reported by {@code /actuator/health}.
 */
@Component
public class UtilsRoutes extends RouteBuilder {

    @Override
    public void configure() {
        rest("/utils").tag("utils")
            .get("/health-check").id("rest.utils.health-check").description("Liveness: true while the API answers")
                .produces("application/json").outType(Boolean.class)
                .to("direct:utils.health-check");

        from("direct:utils.health-check").routeId("utils.health-check")
            .removeHeaders("*")
            .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
            .setBody(constant("true"));
    }
}
