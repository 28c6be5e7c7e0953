package com.sartiq.hub.compute.llm;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Map;

/**
 * The LLM worker ({@code hub.llm.*}).
 *
 * @param failover providers tried in order per task type ({@code default} for any other), e.g.
 *                 {@code default: [anthropic, openai, gemini]}; a provider that is paused, whose circuit is
 *                 open, or that is exhausted (quota, rate limit longer than we wait) hands over to the next
 */
@ConfigurationProperties("hub.llm")
public record LlmProperties(Map<String, List<String>> failover) {

    public LlmProperties {
        failover = failover == null ? Map.of() : failover;
    }

    public List<String> order(String taskType) {
        return failover.getOrDefault(taskType, failover.getOrDefault("default", List.of("anthropic", "openai", "gemini")));
    }
}
