package com.sartiq.hub.compute.tasks;

/** Values of a task's {@code error_category} (the docs name the field but not its members; see docs/API.md). */
public final class ErrorCategory {

    /** The request itself cannot succeed: bad URL, not an image, rejected by the provider as invalid. */
    public static final String INVALID_INPUT = "invalid_input";
    /** The provider answered with an error or a failed result. */
    public static final String PROVIDER_ERROR = "provider_error";
    /** Nothing came back in time. */
    public static final String TIMEOUT = "timeout";
    /** The network failed before the request was made (connection refused, DNS). */
    public static final String NETWORK = "network";
    /** The worker holding the task died and no attempts were left. */
    public static final String WORKER_LOST = "worker_lost";
    /** Anything else: a defect or an unavailable store of ours. */
    public static final String INTERNAL = "internal";

    private ErrorCategory() {
    }
}
