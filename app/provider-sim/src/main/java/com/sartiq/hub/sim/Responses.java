package com.sartiq.hub.sim;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;

/** Writing responses the way every simulated endpoint does. */
final class Responses {

    static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Responses() {
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** FastAPI's shape for plain errors: {@code {"detail": "..."}}. */
    static void detail(HttpExchange exchange, int status, String detail) throws IOException {
        json(exchange, status, object().put("detail", detail));
    }

    static void json(HttpExchange exchange, int status, JsonNode body) throws IOException {
        send(exchange, status, "application/json", JSON.writeValueAsBytes(body));
    }

    static void png(HttpExchange exchange, byte[] bytes) throws IOException {
        file(exchange, "image/png", bytes);
    }

    static void file(HttpExchange exchange, String contentType, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().set("Cache-Control", "public, max-age=31536000, immutable");
        send(exchange, 200, contentType, bytes);
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
