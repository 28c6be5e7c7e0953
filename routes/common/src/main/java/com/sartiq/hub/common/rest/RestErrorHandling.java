package com.sartiq.hub.common.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;

import java.util.Map;

/**
 * The one place where exceptions become the documented error shape: FastAPI's
 * {@code {"detail": "..."}} and, for bad input, {@code 422 {"detail": [{loc, msg, type}]}}.
 * Every route behind a REST verb uses it via {@code routeConfigurationId(RestErrorHandling.ID)}.
 */
public class RestErrorHandling extends RouteConfigurationBuilder {

    public static final String ID = "rest-errors";

    private final ObjectMapper mapper;

    public RestErrorHandling(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void configuration() {
        routeConfiguration(ID)
            .onException(RequestValidationException.class).handled(true)
                .process(e -> respond(e, 422, Map.of("detail",
                        e.getProperty(Exchange.EXCEPTION_CAUGHT, RequestValidationException.class).errors())))
            .end()
            .onException(ApiException.class).handled(true)
                .process(e -> {
                    ApiException failure = e.getProperty(Exchange.EXCEPTION_CAUGHT, ApiException.class);
                    respond(e, failure.status(), Map.of("detail", failure.getMessage()));
                })
            .end()
            .onException(Exception.class).handled(true)
                .log(LoggingLevel.ERROR, "com.sartiq.hub.rest", "Unhandled failure in route ${routeId}: ${exception.stacktrace}")
                .process(e -> respond(e, 500, Map.of("detail", "Internal Server Error")))
            .end();
    }

    private void respond(Exchange exchange, int status, Object body) throws Exception {
        var message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setBody(mapper.writeValueAsString(body));
    }
}
