package com.sartiq.hub.processors.fal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How one task type maps onto one fal model endpoint, all from configuration: the model id (with an
 * optional sub-path), the input built from the task's parameters, and where the files are in the output.
 *
 * <p>Input mapping: keys are fal fields, dotted for nesting ({@code image_size.width}); values are JSON
 * pointers into the task parameters ({@code /width}). A list is copied as is, unless keys
 * {@code <field>/<element field>} map its elements: {@code loras: /loras}, {@code loras/path: /url},
 * {@code loras/scale: /weight} turn our {@code {url, weight}} into fal's {@code {path, scale}}. Absent parameters are left out, so fal's defaults apply. Constants are added as
 * they are. A pointer may end in {@code *<number>} (numbers scaled: our -1..1 to a model's -100..100) or
 * {@code |string} (sent as text: kling's {@code duration} is {@code "5"}). The output pointer names the files: an
 * array of {@code {url, width, height, content_type}} ({@code /images}) or one such object ({@code /video});
 * several pointers, comma-separated, collect the files of each in order ({@code /diffusers_lora_file,/config_file}).
 *
 * @param model  fal model id, {@code owner/alias[/sub/path]}
 */
public record FalModel(String model, Map<String, String> input, Map<String, Object> constants, String output) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public FalModel {
        if (model == null || model.isBlank() || model.split("/").length < 2) {
            throw new IllegalArgumentException("a fal model id is owner/alias[/path], not '" + model + "'");
        }
        input = input == null ? Map.of() : new TreeMap<>(input);
        constants = constants == null ? Map.of() : new TreeMap<>(constants);
        output = output == null || output.isBlank() ? "/images" : output;
    }

    /** The model's input for a task's parameters. */
    public ObjectNode input(JsonNode params) {
        ObjectNode body = MAPPER.createObjectNode();
        constants.forEach((field, value) -> put(body, field, MAPPER.valueToTree(value)));
        Map<String, Map<String, String>> elementFields = new LinkedHashMap<>();
        input.forEach((field, pointer) -> {
            int slash = field.indexOf('/');
            if (slash > 0) {
                elementFields.computeIfAbsent(field.substring(0, slash), k -> new LinkedHashMap<>())
                        .put(field.substring(slash + 1), pointer);
            }
        });
        input.forEach((field, pointer) -> {
            if (field.indexOf('/') > 0) {
                return;
            }
            JsonNode value = value(params, pointer);
            if (value.isMissingNode() || value.isNull()) {
                return;
            }
            if (elementFields.containsKey(field)) {
                put(body, field, mapElements(value, elementFields.get(field)));
            } else {
                put(body, field, value);
            }
        });
        return body;
    }

    /** A parameter by pointer, with the pointer's optional {@code *<number>} or {@code |string} conversion. */
    static JsonNode value(JsonNode params, String pointer) {
        if (pointer.endsWith("|string")) {
            JsonNode value = params.at(pointer.substring(0, pointer.length() - "|string".length()));
            return value.isValueNode() && !value.isNull() ? MAPPER.getNodeFactory().textNode(value.asText()) : value;
        }
        int star = pointer.lastIndexOf('*');
        if (star > 0) {
            JsonNode value = params.at(pointer.substring(0, star));
            double factor = Double.parseDouble(pointer.substring(star + 1));
            if (!value.isNumber()) {
                return value;
            }
            double scaled = value.asDouble() * factor;
            return scaled == Math.rint(scaled) && Math.abs(scaled) < 1e15
                    ? MAPPER.getNodeFactory().numberNode((long) scaled) : MAPPER.getNodeFactory().numberNode(scaled);
        }
        return params.at(pointer);
    }

    /** The files of a result, in order; a result without them is a failed request. */
    public List<FalImage> files(JsonNode result) throws IOException {
        List<FalImage> files = new ArrayList<>();
        for (String pointer : output.split(",")) {
            JsonNode node = result == null ? null : result.at(pointer.trim());
            if (node != null && node.isArray()) {
                node.forEach(f -> files.add(file(f)));
            } else if (node != null && node.isObject()) {
                files.add(file(node));
            }
        }
        if (files.isEmpty() || files.stream().anyMatch(f -> f.url() == null || f.url().isBlank())) {
            String text = result == null ? "null" : result.toString();
            throw new IOException("fal result has no files at " + output + ": " + (text.length() > 200 ? text.substring(0, 200) + "…" : text));
        }
        return files;
    }

    private static FalImage file(JsonNode f) {
        String url = f.path("url").asText(null);
        String type = f.path("content_type").asText(null);
        if (type == null) {
            String path = url == null ? "" : url.replaceAll("[?#].*$", "").toLowerCase(java.util.Locale.ROOT);
            type = path.endsWith(".mp4") ? "video/mp4" : path.endsWith(".json") ? "application/json"
                    : path.endsWith(".safetensors") || path.endsWith(".bin") ? "application/octet-stream" : "image/png";
        }
        return new FalImage(url, f.path("width").asInt(0), f.path("height").asInt(0), type);
    }

    private static ArrayNode mapElements(JsonNode list, Map<String, String> fields) {
        ArrayNode out = MAPPER.createArrayNode();
        for (JsonNode element : list.isArray() ? list : MAPPER.createArrayNode().add(list)) {
            if (fields.isEmpty() || !element.isObject()) {
                out.add(element);
                continue;
            }
            ObjectNode mapped = out.addObject();
            fields.forEach((field, pointer) -> {
                JsonNode value = value(element, pointer);
                if (!value.isMissingNode() && !value.isNull()) {
                    put(mapped, field, value);
                }
            });
        }
        return out;
    }

    private static void put(ObjectNode body, String dotted, JsonNode value) {
        String[] parts = dotted.split("\\.");
        ObjectNode node = body;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            node = child instanceof ObjectNode o ? o : node.putObject(parts[i]);
        }
        node.set(parts[parts.length - 1], value);
    }
}
