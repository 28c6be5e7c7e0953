package com.sartiq.hub.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;

/**
 * {@code GET /files/{request_id}/{name}}: the CDN side of fal, public like fal's media URLs: {@code {n}.png} images,
 * {@code video.mp4}, and a trainer's {@code pytorch_lora_weights.safetensors} and {@code config.json}.
 */
final class ImageFileHandler implements HttpHandler {

    static final String PREFIX = "/files/";

    private static final Logger LOG = LoggerFactory.getLogger(ImageFileHandler.class);

    private final RequestRegistry registry;

    ImageFileHandler(RequestRegistry registry) {
        this.registry = registry;
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
        boolean get = path.size() == 3 && exchange.getRequestMethod().equals("GET");
        SimRequest request = get ? registry.find(path.get(1)).orElse(null) : null;
        // The URL exists only once the result does, as with fal's CDN.
        if (request == null || request.state(System.nanoTime()) != SimRequest.State.COMPLETED || request.failure() != null) {
            Responses.detail(exchange, 404, "Not Found");
            return;
        }
        String name = path.get(2);
        FalOutputs.Kind kind = FalOutputs.kind(request.modelPath(), request.input());
        int index = index(name);
        if (kind == FalOutputs.Kind.TRAINING && name.equals(FalOutputs.LORA_FILE)) {
            Responses.file(exchange, "application/octet-stream", FalOutputs.lora(request));
        } else if (kind == FalOutputs.Kind.TRAINING && name.equals(FalOutputs.CONFIG_FILE)) {
            Responses.file(exchange, "application/json", FalOutputs.config(request));
        } else if (kind == FalOutputs.Kind.VIDEO && name.equals(FalOutputs.VIDEO_FILE)) {
            // not a real MP4: the first frame's PNG bytes under the video's name and type
            Responses.file(exchange, "video/mp4", request.png(0));
        } else if (kind != FalOutputs.Kind.TRAINING && kind != FalOutputs.Kind.VIDEO && index >= 0 && index < request.params().numImages()) {
            Responses.png(exchange, request.png(index));
        } else {
            Responses.detail(exchange, 404, "Not Found");
        }
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
