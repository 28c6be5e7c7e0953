package com.sartiq.hub.processors.llm;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * One provider-neutral chat turn: an optional system prompt, the user's text and images, and whether
 * the answer must be JSON (optionally matching a JSON schema).
 *
 * @param model      the provider's model id
 * @param imageUrls  images shown to the model with the prompt (http(s) URLs)
 * @param jsonSchema when set, the answer must match it (implies JSON)
 */
public record LlmRequest(String model, String system, String prompt, List<String> imageUrls, boolean json,
                         JsonNode jsonSchema, int maxTokens, Double temperature) {

    public LlmRequest {
        imageUrls = imageUrls == null ? List.of() : List.copyOf(imageUrls);
        json = json || jsonSchema != null;
        maxTokens = maxTokens <= 0 ? 1024 : maxTokens;
    }

    public LlmRequest withModel(String other) {
        return new LlmRequest(other, system, prompt, imageUrls, json, jsonSchema, maxTokens, temperature);
    }
}
