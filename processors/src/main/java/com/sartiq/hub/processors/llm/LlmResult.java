package com.sartiq.hub.processors.llm;

/** The answer of a chat call with its token usage, as recorded on the task. */
public record LlmResult(String text, String model, String finishReason, int inputTokens, int outputTokens) {

    public int totalTokens() {
        return inputTokens + outputTokens;
    }
}
