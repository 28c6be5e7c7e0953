package com.sartiq.hub.backend.compute;

/** Compute could not be reached or answered 5xx/429: the call may be repeated (it carries an idempotency key). */
public class ComputeUnavailableException extends RuntimeException {

    public ComputeUnavailableException(String message) {
        super(message);
    }
}
