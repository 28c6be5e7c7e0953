package com.sartiq.hub.backend.jobs;

/** A job failure that another attempt cannot fix (bad parameters, nothing to do): the job fails at once. */
public class JobFailedException extends RuntimeException {

    public JobFailedException(String message) {
        super(message);
    }
}
