package com.sartiq.hub.backend.generations;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sartiq.hub.backend.generations.GenerationPipelines.Pipeline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a generation asks of compute, built from its stored rows so a resubmission asks for exactly the same:
 * for each prediction a task or a workflow of its pipeline, or one workflow for all of them (a for_each).
 * The idempotency key is the prediction's ({@code prediction-<id>}), or the generation's
 * ({@code generation-<id>}) for a shared workflow: a repeated submission answers what compute already made.
 * A workflow's metadata names the predictions it is for and how its outputs become theirs, so its events
 * are understood without asking anything else.
 */
public final class Submissions {

    /** One call to compute: a task or a workflow request (with how its outputs are read), and the predictions it is made for. */
    public record Submission(boolean workflow, String idempotencyKey, Map<String, Object> request, List<String> predictionIds,
                             GenerationPipelines.Outputs outputs) {
    }

    private Submissions() {
    }

    /** The submissions of a generation's predictions (in seed order; all of them for a shared workflow). */
    public static List<Submission> of(Map<String, Object> generation, List<Map<String, Object>> predictions, String webhookUrl,
                                      ObjectMapper mapper) {
        GenerationCreate request = storedRequest(generation, mapper);
        Pipeline pipeline = GenerationPipelines.of(request);
        List<Submission> submissions = new ArrayList<>();
        if (!pipeline.perPrediction()) {
            submissions.add(workflow(generation, predictions, pipeline, request, webhookUrl, "generation-" + generation.get("id")));
            return submissions;
        }
        for (Map<String, Object> prediction : predictions) {
            String key = TaskRequests.idempotencyKey(prediction.get("id"));
            if (pipeline.task()) {
                Map<String, Object> inputs = GenerationPipelines.inputs(request, generation, List.of(prediction));
                submissions.add(new Submission(false, key, TaskRequests.of(generation, prediction, inputs, webhookUrl),
                        List.of(String.valueOf(prediction.get("id"))), null));
            } else {
                submissions.add(workflow(generation, List.of(prediction), pipeline, request, webhookUrl, key));
            }
        }
        return submissions;
    }

    private static Submission workflow(Map<String, Object> generation, List<Map<String, Object>> predictions, Pipeline pipeline,
                                       GenerationCreate request, String webhookUrl, String key) {
        List<String> ids = predictions.stream().map(p -> String.valueOf(p.get("id"))).toList();
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("generation_id", String.valueOf(generation.get("id")));
        metadata.put("prediction_ids", ids);
        metadata.put("outputs", pipeline.outputs().name());
        metadata.put("origin_instance", "backend-hub");
        if (generation.get("organization_id") != null) {
            metadata.put("origin_tenant_id", String.valueOf(generation.get("organization_id")));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("template", pipeline.template());
        body.put("name", pipeline.template() + " of generation " + generation.get("id"));
        body.put("inputs", GenerationPipelines.inputs(request, generation, predictions));
        body.put("webhook_url", webhookUrl);
        body.put("metadata", metadata);
        return new Submission(true, key, body, ids, pipeline.outputs());
    }

    /** The request a generation was made from, as stored with it (unknown fields, such as a refine's source, ignored). */
    static GenerationCreate storedRequest(Map<String, Object> generation, ObjectMapper mapper) {
        try {
            JsonNode params = mapper.readTree(generation.get("params") == null ? "{}" : generation.get("params").toString());
            return mapper.readerFor(GenerationCreate.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(params);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable generation params of " + generation.get("id"), e);
        }
    }
}
