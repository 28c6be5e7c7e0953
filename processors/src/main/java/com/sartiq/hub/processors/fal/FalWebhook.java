package com.sartiq.hub.processors.fal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;

/**
 * A webhook delivery ({@code {request_id, gateway_request_id, status: OK|ERROR, payload, error?}}).
 * On ERROR, {@code error} is a message and {@code payload} the details; a {@code null} payload with
 * {@code payload_error} means fal could not serialise the output.
 */
public record FalWebhook(String requestId, boolean ok, JsonNode payload, String error) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public static FalWebhook parse(byte[] body) throws IOException {
        JsonNode json = MAPPER.readTree(body);
        if (json == null || !json.isObject() || !json.hasNonNull("request_id") || !json.hasNonNull("status")) {
            throw new IOException("a fal webhook carries request_id and status");
        }
        String status = json.get("status").asText();
        JsonNode payload = json.get("payload");
        String error = json.hasNonNull("error") ? json.get("error").asText() : null;
        if (payload == null || payload.isNull()) {
            payload = null;
            if (error == null && json.hasNonNull("payload_error")) {
                error = "fal could not return the output: " + json.get("payload_error").asText();
            }
        }
        boolean ok = "OK".equals(status) && payload != null && error == null;
        if (!ok && error == null) {
            error = "fal reported " + status + (payload == null ? "" : ": " + abbreviate(payload.toString()));
        }
        return new FalWebhook(json.get("request_id").asText(), ok, payload, error);
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
