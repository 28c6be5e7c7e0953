package com.sartiq.hub.processors.fal;

import java.util.List;

/**
 * A queue status answer. A COMPLETED request can still have failed: then {@code error} is set.
 *
 * @param state         IN_QUEUE, IN_PROGRESS or COMPLETED
 * @param queuePosition position while IN_QUEUE, else null
 * @param logs          the messages of {@code logs[]} (asked for with {@code ?logs=1}), oldest first
 */
public record FalStatus(String state, Integer queuePosition, String error, String errorType, List<String> logs) {

    public FalStatus {
        logs = logs == null ? List.of() : List.copyOf(logs);
    }

    public boolean completed() {
        return "COMPLETED".equals(state);
    }

    public boolean failed() {
        return completed() && error != null;
    }

    /** A training's progress while fal runs it: from the steps its logs report ({@link TrainingProgress}). */
    public int trainingProgress() {
        return "IN_PROGRESS".equals(state) ? TrainingProgress.percent(logs) : progress();
    }

    /** Our progress percentage for a request still in fal's hands. */
    public int progress() {
        return switch (state) {
            case "IN_QUEUE" -> 10;
            case "IN_PROGRESS" -> 50;
            default -> 90;
        };
    }
}
