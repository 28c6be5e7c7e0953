package com.sartiq.hub.sim;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.concurrent.TimeUnit;

/**
 * One queued generation. Its whole timeline is fixed at submit (queued for the first third of the latency,
 * then in progress), so its state is a function of the clock and no thread has to drive it.
 */
final class SimRequest {

    enum State { IN_QUEUE, IN_PROGRESS, COMPLETED, CANCELLED }

    private final long sequence;
    private final String id;
    private final String appId;
    private final String modelPath;
    private final JsonNode input;
    private final GenerationParams params;
    private final String webhookUrl;
    private final long startsAtNanos;
    private final long completesAtNanos;
    private final byte[][] pngs;
    private final Fault failure;
    private final int datasetImages;
    private volatile boolean cancelled;
    private volatile long cancelledAtNanos;

    /**
     * @param failure       a {@link Fault.Kind#FAILED} fault: the request runs its course and ends in that error
     * @param datasetImages images found in a training request's {@code images_data_url} archive (0 otherwise)
     */
    SimRequest(long sequence, String id, String appId, String modelPath, JsonNode input, String webhookUrl,
               long submittedAtNanos, long latencyMillis, Fault failure, int datasetImages) {
        this.sequence = sequence;
        this.id = id;
        this.appId = appId;
        this.modelPath = modelPath;
        this.input = input;
        this.params = GenerationParams.from(input);
        this.webhookUrl = webhookUrl;
        long latencyNanos = TimeUnit.MILLISECONDS.toNanos(latencyMillis);
        this.startsAtNanos = submittedAtNanos + latencyNanos / 3;
        this.completesAtNanos = submittedAtNanos + latencyNanos;
        this.pngs = new byte[params.numImages()][];
        this.failure = failure;
        this.datasetImages = datasetImages;
    }

    /** The error this request ends in, or null when it succeeds. */
    Fault failure() {
        return failure;
    }

    int datasetImages() {
        return datasetImages;
    }

    /** Share of the in-progress phase behind it (0 before it starts, 1 once complete). */
    double progress(long nowNanos) {
        if (nowNanos - startsAtNanos < 0) {
            return 0;
        }
        long span = Math.max(1, completesAtNanos - startsAtNanos);
        return Math.min(1.0, (double) (nowNanos - startsAtNanos) / span);
    }

    State state(long nowNanos) {
        if (cancelled) {
            return State.CANCELLED;
        }
        if (nowNanos - startsAtNanos < 0) {
            return State.IN_QUEUE;
        }
        return nowNanos - completesAtNanos < 0 ? State.IN_PROGRESS : State.COMPLETED;
    }

    /** Only {@link RequestRegistry} calls this, under its lock, so cancel and completion cannot race. */
    void cancel(long nowNanos) {
        cancelledAtNanos = nowNanos;
        cancelled = true;
    }

    /** When it stops counting as in flight: completion, or the cancel if that came first. */
    long endNanos() {
        return cancelled ? cancelledAtNanos : completesAtNanos;
    }

    boolean isQueuedBefore(SimRequest other, long nowNanos) {
        return appId.equals(other.appId) && sequence < other.sequence && state(nowNanos) == State.IN_QUEUE;
    }

    /** Rendered once per image and kept: clients fetch the same URL repeatedly. */
    synchronized byte[] png(int index) {
        if (pngs[index] == null) {
            pngs[index] = ImageRenderer.renderPng(params.prompt(), params.seed(), index, params.width(), params.height());
        }
        return pngs[index];
    }

    double inferenceSeconds() {
        return (completesAtNanos - startsAtNanos) / 1e9;
    }

    long sequence() {
        return sequence;
    }

    String id() {
        return id;
    }

    String appId() {
        return appId;
    }

    String modelPath() {
        return modelPath;
    }

    JsonNode input() {
        return input;
    }

    GenerationParams params() {
        return params;
    }

    String webhookUrl() {
        return webhookUrl;
    }

    long startsAtNanos() {
        return startsAtNanos;
    }

    long completesAtNanos() {
        return completesAtNanos;
    }
}
