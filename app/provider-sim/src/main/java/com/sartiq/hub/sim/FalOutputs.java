package com.sartiq.hub.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * What a fal app answers, by the kind of app (one simulator stands in for many): text-to-image and editing apps
 * {@code {images: [File…], seed, …}} (post-processing too); single-image apps (face restoration, upscalers)
 * {@code {image: File}}; video apps {@code {video: File}}; LoRA trainers (their input has {@code images_data_url})
 * {@code {diffusers_lora_file: File, config_file: File}} as {@code fal-ai/flux-lora-fast-training} does. A File is
 * {@code {url, content_type, file_name, file_size[, width, height]}}, served under {@code /files/{request_id}/}.
 */
final class FalOutputs {

    enum Kind { IMAGES, IMAGE, VIDEO, TRAINING }

    static final String LORA_FILE = "pytorch_lora_weights.safetensors";
    static final String CONFIG_FILE = "config.json";
    static final String VIDEO_FILE = "video.mp4";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    private FalOutputs() {
    }

    static Kind kind(String modelPath, JsonNode input) {
        String app = modelPath.toLowerCase(Locale.ROOT);
        if (input.hasNonNull("images_data_url")) {
            return Kind.TRAINING;
        }
        if (app.contains("video")) {
            return Kind.VIDEO;
        }
        if (app.contains("codeformer") || app.contains("upscaler") || app.contains("restor")) {
            return Kind.IMAGE;
        }
        return Kind.IMAGES;
    }

    static ObjectNode output(SimRequest request, String baseUrl) {
        GenerationParams params = request.params();
        ObjectNode body = Responses.object();
        String files = baseUrl + ImageFileHandler.PREFIX + request.id() + "/";
        switch (kind(request.modelPath(), request.input())) {
            case TRAINING -> {
                body.set("diffusers_lora_file", file(files + LORA_FILE, "application/octet-stream", LORA_FILE, lora(request).length));
                body.set("config_file", file(files + CONFIG_FILE, "application/json", CONFIG_FILE, config(request).length));
                return body;
            }
            case VIDEO -> {
                body.set("video", file(files + VIDEO_FILE, "video/mp4", VIDEO_FILE, -1));
                return body;
            }
            case IMAGE -> {
                body.set("image", image(files, params, 0));
                body.put("seed", params.seed());
                return body;
            }
            default -> {
                ArrayNode images = body.putArray("images");
                ArrayNode nsfw = Responses.JSON.createArrayNode();
                for (int i = 0; i < params.numImages(); i++) {
                    images.add(image(files, params, i));
                    nsfw.add(false);
                }
                body.put("seed", params.seed());
                body.put("prompt", params.prompt());
                body.set("has_nsfw_concepts", nsfw);
                body.putObject("timings").put("inference", request.inferenceSeconds());
                return body;
            }
        }
    }

    private static ObjectNode image(String files, GenerationParams params, int index) {
        return Responses.object().put("url", files + index + ".png").put("width", params.width()).put("height", params.height())
                .put("content_type", "image/png");
    }

    private static ObjectNode file(String url, String type, String name, long size) {
        ObjectNode file = Responses.object().put("url", url).put("content_type", type).put("file_name", name);
        if (size >= 0) {
            file.put("file_size", size);
        }
        return file;
    }

    /** The error body of a request that ended in a {@link Fault.Kind#FAILED} fault (FastAPI 422 shape). */
    static ObjectNode errorBody(Fault failure) {
        ObjectNode body = Responses.object();
        ObjectNode error = body.putArray("detail").addObject();
        error.putArray("loc").add("body").add("image_url");
        error.put("msg", "The simulated model failed on this input (status " + failure.status() + ")");
        error.put("type", "value_error");
        return body;
    }

    static String errorMessage(Fault failure) {
        return "Invalid status code: " + failure.status();
    }

    /** A LoRA trainer's logs up to now, as fal's status {@code logs} carries them: preprocessing, then one line per tenth of the steps. */
    static void trainingLogs(ArrayNode logs, SimRequest request, long nowNanos) {
        int steps = Math.max(1, request.input().path("steps").asInt(1000));
        double done = request.progress(nowNanos);
        logs.add(log("Preprocessing " + request.datasetImages() + " images for trigger word '"
                + request.input().path("trigger_word").asText("") + "'", request.startsAtNanos(), nowNanos));
        for (int tenth = 1; tenth <= 10 && tenth / 10.0 <= done; tenth++) {
            long at = request.startsAtNanos() + (long) ((request.completesAtNanos() - request.startsAtNanos()) * tenth / 10.0);
            logs.add(log("Training step " + steps * tenth / 10 + "/" + steps, at, nowNanos));
        }
    }

    static ObjectNode log(String message, long atNanos, long nowNanos) {
        return Responses.object()
                .put("message", message)
                .put("level", "INFO")
                .put("source", "USER")
                .put("timestamp", Instant.now().minusNanos(nowNanos - atNanos).toString());
    }

    /** Deterministic stand-in weights: a safetensors header naming the trigger word, then bytes from the input. */
    static byte[] lora(SimRequest request) {
        String header = "{\"__metadata__\":{\"format\":\"pt\",\"trigger_word\":\"" + request.input().path("trigger_word").asText("")
                + "\",\"steps\":\"" + request.input().path("steps").asInt(1000) + "\"}}";
        byte[] head = header.getBytes(StandardCharsets.UTF_8);
        byte[] seed = GenerationParams.sha256(request.input().toString());
        byte[] out = new byte[8 + head.length + 4096];
        long length = head.length;
        for (int i = 0; i < 8; i++) {
            out[i] = (byte) (length >>> (8 * i));
        }
        System.arraycopy(head, 0, out, 8, head.length);
        for (int i = 8 + head.length; i < out.length; i++) {
            out[i] = seed[i % seed.length];
        }
        return out;
    }

    static byte[] config(SimRequest request) {
        ObjectNode config = Responses.object();
        config.put("trigger_word", request.input().path("trigger_word").asText(""));
        config.put("steps", request.input().path("steps").asInt(1000));
        config.put("images", request.datasetImages());
        return config.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * What fal does first with a training request: fetch {@code images_data_url} and count the images in the zip
     * (captions, {@code .txt}, are allowed beside them); an archive that cannot be read or holds none fails.
     */
    static int datasetImages(String url) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("download answered HTTP " + response.statusCode());
            }
            int images = 0;
            try (ZipInputStream zip = new ZipInputStream(body)) {
                for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                    if (entry.getName().toLowerCase(Locale.ROOT).matches(".*\\.(png|jpe?g|webp)$")) {
                        images++;
                    }
                }
            }
            if (images == 0) {
                throw new IOException("the archive holds no images");
            }
            return images;
        }
    }
}
