package com.sartiq.hub.backend.jobs;

/** What a failed attempt leads to: another try after a back-off, or the end of the job. */
public final class JobFailures {

    static final int MAX_DELAY_SECONDS = 600;
    static final int MAX_MESSAGE = 1000;

    public record Decision(boolean retry, int delaySeconds, String message) {
    }

    private JobFailures() {
    }

    /** Retries while attempts remain, unless the failure is permanent; the delay doubles per attempt. */
    public static Decision decide(Throwable failure, int attempt, int maxAttempts, int baseDelaySeconds) {
        String message = message(failure);
        if (failure instanceof JobFailedException || attempt >= maxAttempts) {
            return new Decision(false, 0, message);
        }
        long delay = (long) baseDelaySeconds << Math.min(Math.max(attempt - 1, 0), 16);
        return new Decision(true, (int) Math.min(MAX_DELAY_SECONDS, Math.max(1, delay)), message);
    }

    static String message(Throwable failure) {
        if (failure == null) {
            return "unknown failure";
        }
        String text = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE) : text;
    }
}
