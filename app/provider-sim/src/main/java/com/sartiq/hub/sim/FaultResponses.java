package com.sartiq.hub.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Applies a {@link Fault} to a request in the error shape of the provider being simulated. */
final class FaultResponses {

    enum Shape { FAL, OPENAI, ANTHROPIC, GEMINI }

    private FaultResponses() {
    }

    /** True when the fault answered the request (the caller stops); delays sleep and return false. */
    static boolean apply(HttpExchange exchange, Fault fault, Shape shape) throws IOException {
        if (fault == null) {
            return false;
        }
        switch (fault.kind()) {
            case TIMEOUT, LATENCY -> {
                sleep(fault.delayMillis());
                return false;
            }
            case MALFORMED -> {
                byte[] body = "<html><body>502 Bad Gateway</body>".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
                return true;
            }
            case STATUS, QUOTA -> {
                if (fault.retryAfterSeconds() != null && shape != Shape.GEMINI) {
                    exchange.getResponseHeaders().set("Retry-After", String.valueOf(fault.retryAfterSeconds()));
                }
                Responses.json(exchange, fault.status(), body(shape, fault));
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    static ObjectNode body(Shape shape, Fault fault) {
        int status = fault.status();
        boolean quota = fault.kind() == Fault.Kind.QUOTA;
        return switch (shape) {
            case FAL -> Responses.object().put("detail", status == 429 ? "Too Many Requests" : "Service Unavailable");
            case OPENAI -> {
                ObjectNode error = Responses.object();
                ObjectNode e = error.putObject("error");
                if (quota) {
                    e.put("message", "You exceeded your current quota, please check your plan and billing details.")
                            .put("type", "insufficient_quota").putNull("param").put("code", "insufficient_quota");
                } else if (status == 429) {
                    e.put("message", "Rate limit reached for requests").put("type", "requests").putNull("param")
                            .put("code", "rate_limit_exceeded");
                } else {
                    e.put("message", "The server had an error while processing your request.").put("type", "server_error")
                            .putNull("param").putNull("code");
                }
                yield error;
            }
            case ANTHROPIC -> {
                ObjectNode error = Responses.object().put("type", "error");
                ObjectNode e = error.putObject("error");
                String type = status == 429 ? "rate_limit_error" : status == 529 ? "overloaded_error" : "api_error";
                e.put("type", type).put("message", status == 529 ? "Overloaded" : quota ? "spend limit reached" : "error " + status);
                if (quota) {
                    e.putObject("details").put("error_code", "enforced_spend_limit_reached");
                }
                yield error;
            }
            case GEMINI -> {
                ObjectNode error = Responses.object();
                ObjectNode e = error.putObject("error").put("code", status);
                e.put("message", status == 429 ? "Resource has been exhausted (e.g. check quota)." : "The service is currently unavailable.");
                e.put("status", status == 429 ? "RESOURCE_EXHAUSTED" : status == 503 ? "UNAVAILABLE" : "INTERNAL");
                var details = e.putArray("details");
                if (quota) {
                    details.addObject().put("@type", "type.googleapis.com/google.rpc.QuotaFailure")
                            .putArray("violations").addObject().put("quotaId", "GenerateRequestsPerDayPerProjectPerModel-FreeTier");
                } else if (status == 429) {
                    details.addObject().put("@type", "type.googleapis.com/google.rpc.RetryInfo")
                            .put("retryDelay", (fault.retryAfterSeconds() == null ? 1 : fault.retryAfterSeconds()) + "s");
                }
                yield error;
            }
        };
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
