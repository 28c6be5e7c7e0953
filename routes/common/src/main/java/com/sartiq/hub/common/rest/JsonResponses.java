package com.sartiq.hub.common.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Ends a REST route: writes the body as JSON with the hub's mapper (snake_case, ISO dates) and the
 * status code, and drops every other header so nothing internal leaks into the response.
 */
public class JsonResponses {

    private final ObjectMapper mapper;

    public JsonResponses(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public Processor status(int status) {
        return exchange -> {
            Message message = exchange.getMessage();
            String json = mapper.writeValueAsString(message.getBody());
            message.removeHeaders("*");
            message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
            message.setHeader(Exchange.CONTENT_TYPE, "application/json");
            message.setBody(json);
        };
    }

    public Processor ok() {
        return status(200);
    }

    public Processor created() {
        return status(201);
    }

    /** Rejects a path id that is not a UUID as "not found", the way an unknown id is. */
    public static Processor requireUuid(String header, String what) {
        return exchange -> {
            String value = exchange.getMessage().getHeader(header, String.class);
            try {
                java.util.UUID.fromString(value == null ? "" : value);
            } catch (IllegalArgumentException e) {
                throw ApiException.notFound(what);
            }
        };
    }
}
