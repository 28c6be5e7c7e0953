package com.sartiq.hub.compute.tasks;

import java.util.Arrays;
import java.util.Optional;

/**
 * The task types this hub executes, each with the queue that runs it and the route that handles it.
 * Types of the documented enum that are not listed here are not accepted yet.
 */
public enum TaskType {

    GENERATION("fal", "direct:fal.submit"),
    BACKGROUND_REMOVE("cpu", "direct:matting.remove-background"),
    LLM_INTERACTION("llm", "direct:llm.interact");

    private final String queue;
    private final String handler;

    TaskType(String queue, String handler) {
        this.queue = queue;
        this.handler = handler;
    }

    public String queue() {
        return queue;
    }

    public String handler() {
        return handler;
    }

    public static Optional<TaskType> parse(String value) {
        return Arrays.stream(values()).filter(t -> t.name().equalsIgnoreCase(value)).findFirst();
    }
}
