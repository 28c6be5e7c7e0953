package com.sartiq.hub.backend.compute;

/** Compute answered 404 for a task or workflow: asking again will not change that. */
public class ComputeNotFoundException extends RuntimeException {

    public ComputeNotFoundException(String message) {
        super(message);
    }
}
