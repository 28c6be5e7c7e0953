package com.sartiq.hub.processors.fal;

/**
 * A queue status answer. A COMPLETED request can still have failed: then {@code error} is set.
 *
 * @param state         IN_QUEUE, IN_PROGRESS or COMPLETED
 * @param queuePosition position while IN_QUEUE, else null
 */
public record FalStatus(String state, Integer queuePosition, String error, String errorType) {

    public boolean completed() {
        return "COMPLETED".equals(state);
    }

    public boolean failed() {
        return completed() && error != null;
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
