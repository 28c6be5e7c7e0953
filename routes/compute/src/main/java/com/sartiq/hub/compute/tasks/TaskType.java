package com.sartiq.hub.compute.tasks;

import java.util.Arrays;
import java.util.Optional;

/**
 * The documented task types (all eleven), each with the queue that runs it, the route that handles it
 * and the record its parameters are read into. A handler route missing from this process (a role that does
 * not run here) fails the task with a clear message rather than leaving it queued forever.
 */
public enum TaskType {

    GENERATION("fal", "direct:fal.submit", TaskParams.Generation.class),
    EDITING("fal", "direct:fal.submit", TaskParams.Editing.class),
    REFINE("fal", "direct:fal.submit", TaskParams.Refine.class),
    VIDEO_GENERATION("fal", "direct:fal.submit", TaskParams.VideoGeneration.class),
    BACKGROUND_FIX("fal", "direct:fal.submit", TaskParams.BackgroundFix.class),
    FACE_ENHANCER("fal", "direct:fal.submit", TaskParams.FaceEnhancer.class),
    IMAGE_ADJUSTER("fal", "direct:fal.submit", TaskParams.ImageAdjuster.class),
    DETAIL_ENHANCER("fal", "direct:fal.submit", TaskParams.DetailEnhancer.class),
    BACKGROUND_REMOVE("cpu", "direct:matting.remove-background", TaskParams.BackgroundRemove.class),
    LLM_INTERACTION("llm", "direct:llm.interact", TaskParams.LlmInteraction.class),
    TRAINING("fal-training", "direct:fal.submit-training", TaskParams.Training.class);

    private final String queue;
    private final String handler;
    private final Class<? extends TaskParams> params;

    TaskType(String queue, String handler, Class<? extends TaskParams> params) {
        this.queue = queue;
        this.handler = handler;
        this.params = params;
    }

    public String queue() {
        return queue;
    }

    public String handler() {
        return handler;
    }

    public Class<? extends TaskParams> params() {
        return params;
    }

    public static Optional<TaskType> parse(String value) {
        return Arrays.stream(values()).filter(t -> t.name().equalsIgnoreCase(value)).findFirst();
    }
}
