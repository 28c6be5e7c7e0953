package com.sartiq.hub.compute.providers;

import com.sartiq.hub.processors.llm.RetryAdvice;

/**
 * Thrown inside the circuit breaker: {@link Recorded} counts towards opening it (5xx, 529, timeouts),
 * {@link Ignored} does not (429, 4xx: the provider is up, we are too fast or wrong).
 */
public abstract class ProviderFailure extends RuntimeException {

    // carried on the exception: the breaker runs the call on a copy of the exchange, whose properties do not come back
    private final transient RetryAdvice advice;
    private final int status;

    ProviderFailure(RetryAdvice advice, int status) {
        super(advice.reason(), null, false, false);
        this.advice = advice;
        this.status = status;
    }

    public RetryAdvice advice() {
        return advice;
    }

    public int status() {
        return status;
    }

    public static final class Recorded extends ProviderFailure {
        public Recorded(RetryAdvice advice, int status) {
            super(advice, status);
        }
    }

    public static final class Ignored extends ProviderFailure {
        public Ignored(RetryAdvice advice, int status) {
            super(advice, status);
        }
    }
}
