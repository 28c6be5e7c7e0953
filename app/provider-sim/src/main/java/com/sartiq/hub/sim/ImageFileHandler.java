package com.sartiq.hub.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;

/** {@code GET /files/{request_id}/{n}.png}: the CDN side of fal, public like fal's media URLs. */
final class ImageFileHandler implements HttpHandler {

    static final String PREFIX = "/files/";

    private static final Logger LOG = LoggerFactory.getLogger(ImageFileHandler.class);

    private final RequestRegistry registry;

    ImageFileHandler(RequestRegistry registry) {
        this.registry = registry;
    }

    static String url(String baseUrl, String requestId, int index) {
        return baseUrl + PREFIX + requestId + "/" + index + ".png";
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                serve(exchange);
            } catch (RuntimeException e) {
                LOG.error("fal simulator failed on {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
                Responses.detail(exchange, 500, "Internal Server Error");
            }
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        List<String> path = FalQueueHandler.segments(exchange.getRequestURI().getPath());
        int index = path.size() == 3 && exchange.getRequestMethod().equals("GET") ? index(path.get(2)) : -1;
        SimRequest request = index < 0 ? null : registry.find(path.get(1)).orElse(null);
        // The URL exists only once the result does, as with fal's CDN.
        if (request == null || index >= request.params().numImages()
                || request.state(System.nanoTime()) != SimRequest.State.COMPLETED) {
            Responses.detail(exchange, 404, "Not Found");
            return;
        }
        Responses.png(exchange, request.png(index));
    }

    /** n from "n.png", or -1. */
    private static int index(String fileName) {
        if (!fileName.endsWith(".png")) {
            return -1;
        }
        try {
            return Integer.parseInt(fileName.substring(0, fileName.length() - 4));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
