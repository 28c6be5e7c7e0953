package com.sartiq.hub.compute.providers;

/**
 * Thrown inside the circuit breaker: {@link Recorded} counts towards opening it (5xx, 529, timeouts),
 * {@link Ignored} does not (429, 4xx: the provider is up, we are too fast or wrong).
 */
public abstract class ProviderFailure extends RuntimeException {

    ProviderFailure(String message, Throwable cause) {
        super(message, cause, false, false);
    }

    public static final class Recorded extends ProviderFailure {
        public Recorded(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public static final class Ignored extends ProviderFailure {
        public Ignored(String message) {
            super(message, null);
        }
    }
}
