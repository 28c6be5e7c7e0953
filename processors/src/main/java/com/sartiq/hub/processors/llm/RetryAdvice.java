package com.sartiq.hub.processors.llm;

/**
 * What to do after a provider answered (or failed to): the reading of one HTTP outcome.
 *
 * @param delayMillis how long to wait before the next attempt (server's hint when it gave one)
 * @param serverHint  whether the delay came from the provider ({@code Retry-After}, {@code retryDelay})
 */
public record RetryAdvice(Kind kind, long delayMillis, boolean serverHint, String reason) {

    public enum Kind {
        /** 2xx: use the answer. */
        SUCCESS,
        /** Too many requests for now: wait and retry; not a sign the provider is down. */
        RATE_LIMITED,
        /** Overloaded, 5xx, timeout: retry, and count towards opening the circuit. */
        UNAVAILABLE,
        /** Billing or quota is exhausted: retrying cannot help, another provider may. */
        QUOTA_EXHAUSTED,
        /** The request itself is wrong: no provider will accept it. */
        INVALID
    }

    public static RetryAdvice success() {
        return new RetryAdvice(Kind.SUCCESS, 0, false, null);
    }

    public boolean retryable() {
        return kind == Kind.RATE_LIMITED || kind == Kind.UNAVAILABLE;
    }
}
