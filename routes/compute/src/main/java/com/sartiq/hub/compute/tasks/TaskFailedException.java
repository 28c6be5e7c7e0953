package com.sartiq.hub.compute.tasks;

/**
 * A handler's verdict on a task it could not finish: the category and message land on the task
 * (and in its webhook); {@code retryable} says whether another attempt may succeed.
 */
public class TaskFailedException extends RuntimeException {

    private final String category;
    private final boolean retryable;

    public TaskFailedException(String category, String message, boolean retryable) {
        super(message);
        this.category = category;
        this.retryable = retryable;
    }

    public TaskFailedException(String category, String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.category = category;
        this.retryable = retryable;
    }

    public static TaskFailedException invalidInput(String message) {
        return new TaskFailedException(ErrorCategory.INVALID_INPUT, message, false);
    }

    public String category() {
        return category;
    }

    public boolean retryable() {
        return retryable;
    }
}
