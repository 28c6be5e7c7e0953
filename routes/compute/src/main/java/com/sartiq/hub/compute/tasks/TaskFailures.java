package com.sartiq.hub.compute.tasks;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.util.HashMap;
import java.util.Map;

/**
 * Decides what a failed attempt means for its task: back to the queue after an exponential,
 * jittered delay while attempts remain and another try can help, otherwise failed for good.
 */
public final class TaskFailures {

    /** What to write: {@code retry} (task-retry.sql) or not (task-fail.sql), with the SQL parameters. */
    public record Decision(boolean retry, Map<String, Object> sqlParameters) {
    }

    private TaskFailures() {
    }

    public static Decision decide(String taskId, Throwable failure, int attempt, int maxAttempts, int baseDelaySeconds) {
        TaskFailedException verdict = classify(failure);
        Map<String, Object> params = new HashMap<>();
        params.put("taskId", taskId);
        params.put("errorMessage", truncate(verdict.getMessage()));
        params.put("errorCategory", verdict.category());
        boolean retry = verdict.retryable() && attempt < maxAttempts;
        if (retry) {
            params.put("delaySeconds", Backoff.jitteredSeconds(attempt, baseDelaySeconds));
        }
        return new Decision(retry, params);
    }

    static TaskFailedException classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TaskFailedException verdict) {
                return verdict;
            }
            if (t instanceof HttpTimeoutException || t instanceof java.net.SocketTimeoutException) {
                return new TaskFailedException(ErrorCategory.TIMEOUT, "timed out: " + t.getMessage(), true);
            }
            if (t instanceof ConnectException) {
                return new TaskFailedException(ErrorCategory.NETWORK, "connection failed: " + t.getMessage(), true);
            }
            if (t instanceof IOException) {
                return new TaskFailedException(ErrorCategory.NETWORK, "I/O failure: " + t.getMessage(), true);
            }
        }
        return new TaskFailedException(ErrorCategory.INTERNAL, "internal error: " + failure, true);
    }

    private static String truncate(String message) {
        if (message == null) {
            return "unknown error";
        }
        return message.length() <= 1000 ? message : message.substring(0, 1000) + "…";
    }
}
