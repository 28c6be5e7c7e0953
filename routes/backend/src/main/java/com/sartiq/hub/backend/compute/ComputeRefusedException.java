package com.sartiq.hub.backend.compute;

/** Compute answered a 4xx to a request: repeating it would not help, and it says nothing about compute's health. */
public class ComputeRefusedException extends RuntimeException {

    public ComputeRefusedException(String message) {
        super(message);
    }
}
