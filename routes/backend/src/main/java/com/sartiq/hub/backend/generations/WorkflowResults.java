package com.sartiq.hub.backend.generations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.sartiq.hub.backend.generations.GenerationPipelines.Outputs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A workflow event's meaning for the predictions it is for. While the workflow runs they follow its status
 * and progress; when it ends, its node outputs become their results the way its {@link Outputs} say:
 * <ul>
 *   <li>{@code LAST_IMAGE}: the image (or video) of the last node, in template order, that completed with one
 *       (a node skipped by its condition leaves the one before it);</li>
 *   <li>{@code ATTEMPTS}: each completed LLM evaluation node's {@code json.score} and {@code json.reasons} judge
 *       the image of the node it depends on; all attempts are recorded, the first scoring at least the
 *       workflow's {@code min_score} input (0.7) is the result, else the best (the earliest of equals);</li>
 *   <li>{@code ITEMS}: item n of the last fanned-out node ({@code output.items}) is the result of the
 *       prediction of item n.</li>
 * </ul>
 * A failed or cancelled workflow fails its predictions with the first failed node's error.
 */
public final class WorkflowResults {

    /** The image a node made: its first output image. */
    record Image(String url, boolean video, Integer width, Integer height, String taskId) {
    }

    private WorkflowResults() {
    }

    /**
     * One entry per prediction (they carry {@code id} and {@code workflow_item}) for
     * {@code prediction-apply-workflow-event.sql}: {@code prediction_id, status, progress, image_url, video_url, width,
     * height, task_id, attempts, error_message}.
     */
    public static List<Map<String, Object>> updates(WorkflowEvent event, List<Map<String, Object>> predictions, ObjectMapper mapper) {
        List<Map<String, Object>> updates = new ArrayList<>();
        for (Map<String, Object> prediction : predictions) {
            Map<String, Object> update = new HashMap<>();
            update.put("prediction_id", String.valueOf(prediction.get("id")));
            update.put("status", event.runningPredictionStatus());
            update.put("progress", event.progress());
            if (event.terminal()) {
                finish(update, event, prediction, mapper);
            }
            updates.add(update);
        }
        return updates;
    }

    private static void finish(Map<String, Object> update, WorkflowEvent event, Map<String, Object> prediction, ObjectMapper mapper) {
        JsonNode workflow = event.workflow();
        if (!"completed".equals(event.status())) {
            update.put("status", "error");
            update.put("error_message", "cancelled".equals(event.status()) ? "Cancelled" : failure(workflow));
            return;
        }
        Image image = switch (event.outputs()) {
            case LAST_IMAGE -> lastImage(nodes(workflow));
            case ATTEMPTS -> {
                ArrayNode attempts = attempts(workflow, mapper);
                update.put("attempts", attempts);
                yield chosen(attempts, nodes(workflow));
            }
            case ITEMS -> item(nodes(workflow), prediction.get("workflow_item"));
        };
        if (image == null) {
            update.put("status", "error");
            update.put("error_message", "the pipeline completed without an image for this prediction");
            return;
        }
        update.put("status", "completed");
        update.put("progress", 100);
        update.put(image.video() ? "video_url" : "image_url", image.url());
        update.put("width", image.width());
        update.put("height", image.height());
        update.put("task_id", image.taskId());
    }

    /**
     * The task of the node that will make a workflow's result, when the answer to its creation already names it:
     * a one-node pipeline's node is queued at once.
     */
    public static String resultTaskAtCreation(JsonNode workflow) {
        JsonNode nodes = nodes(workflow);
        return nodes.size() == 1 && nodes.get(0).hasNonNull("task_id") ? nodes.get(0).get("task_id").asText() : null;
    }

    static Image lastImage(JsonNode nodes) {
        for (int i = nodes.size() - 1; i >= 0; i--) {
            JsonNode node = nodes.get(i);
            if ("completed".equals(node.path("status").asText())) {
                Image image = image(node.path("output"), node.path("task_id").asText(null));
                if (image != null) {
                    return image;
                }
            }
        }
        return null;
    }

    /** Every completed evaluation with the image it judged: {@code [{attempt, image_url, score, reasons, passed, node}]}. */
    static ArrayNode attempts(JsonNode workflow, ObjectMapper mapper) {
        double minScore = workflow.path("inputs").path("min_score").asDouble(GenerationPipelines.MIN_CONFIDENCE_SCORE);
        JsonNode nodes = nodes(workflow);
        ArrayNode attempts = mapper.createArrayNode();
        for (JsonNode node : nodes) {
            if (!"LLM_INTERACTION".equals(node.path("task_type").asText()) || !"completed".equals(node.path("status").asText())) {
                continue;
            }
            JsonNode judged = node(nodes, node.path("depends_on").path(0).asText());
            Image image = judged == null ? null : image(judged.path("output"), null);
            if (image == null) {
                continue;
            }
            JsonNode verdict = node.path("output").path("json");
            var attempt = attempts.addObject().put("attempt", attempts.size()).put("image_url", image.url());
            if (verdict.path("score").isNumber()) {
                attempt.put("score", verdict.get("score").asDouble());
                attempt.put("passed", verdict.get("score").asDouble() >= minScore);
            } else {
                attempt.putNull("score");
                attempt.put("passed", false);
            }
            attempt.set("reasons", verdict.path("reasons").isMissingNode() ? mapper.nullNode() : verdict.get("reasons"));
            attempt.put("node", judged.path("id").asText());
        }
        return attempts;
    }

    /** The first passing attempt's image, else the best scored (the earliest of equals), else the last one's. */
    static Image chosen(ArrayNode attempts, JsonNode nodes) {
        JsonNode best = null;
        for (JsonNode attempt : attempts) {
            if (attempt.path("passed").asBoolean()) {
                best = attempt;
                break;
            }
            if (attempt.path("score").isNumber() && (best == null || !best.path("score").isNumber()
                    || attempt.get("score").asDouble() > best.get("score").asDouble())) {
                best = attempt;
            }
        }
        if (best == null && !attempts.isEmpty()) {
            best = attempts.get(attempts.size() - 1);
        }
        if (best == null) {
            return null;
        }
        JsonNode judged = node(nodes, best.get("node").asText());
        return image(judged.path("output"), judged.path("task_id").asText(null));
    }

    static Image item(JsonNode nodes, Object index) {
        if (!(index instanceof Number n)) {
            return null;
        }
        for (int i = nodes.size() - 1; i >= 0; i--) {
            JsonNode items = nodes.get(i).path("output").path("items");
            if (items.isArray()) {
                return image(items.path(n.intValue()), null);
            }
        }
        return null;
    }

    private static Image image(JsonNode output, String taskId) {
        JsonNode image = output.path("images").path(0);
        if (!image.hasNonNull("url")) {
            return null;
        }
        return new Image(image.get("url").asText(), image.path("content_type").asText("").startsWith("video/"),
                image.hasNonNull("width") ? image.get("width").asInt() : null, image.hasNonNull("height") ? image.get("height").asInt() : null,
                taskId);
    }

    private static String failure(JsonNode workflow) {
        if (workflow != null) {
            for (JsonNode node : nodes(workflow)) {
                if ("failed".equals(node.path("status").asText()) && node.hasNonNull("error_message")) {
                    return node.path("id").asText() + ": " + node.get("error_message").asText();
                }
            }
        }
        return "the pipeline failed";
    }

    private static JsonNode node(JsonNode nodes, String id) {
        for (JsonNode node : nodes) {
            if (id.equals(node.path("id").asText())) {
                return node;
            }
        }
        return null;
    }

    /** The workflow's nodes in template order. */
    static JsonNode nodes(JsonNode workflow) {
        return workflow == null ? MissingNode.getInstance() : workflow.path("steps");
    }
}
