package com.sartiq.hub.compute.providers;

/**
 * A provider call that did not succeed, after the template's own retries.
 *
 * <p>{@link Kind#AMBIGUOUS}: the request may have reached the provider and its answer was lost; whether it
 * ran is unknown, so it is not repeated blindly. {@link Kind#NOT_SENT}: it provably never left (connection
 * refused, no slot, paused, circuit open): repeating it costs nothing.
 */
public class ProviderCallException extends RuntimeException {

    public enum Kind { RATE_LIMITED, UNAVAILABLE, QUOTA_EXHAUSTED, INVALID, AMBIGUOUS, NOT_SENT, CIRCUIT_OPEN, PAUSED, NO_SLOT }

    private final String provider;
    private final Kind kind;
    private final int status;
    private final long retryAfterMs;

    public ProviderCallException(String provider, Kind kind, int status, long retryAfterMs, String message, Throwable cause) {
        super(provider + ": " + message, cause);
        this.provider = provider;
        this.kind = kind;
        this.status = status;
        this.retryAfterMs = retryAfterMs;
    }

    public String provider() {
        return provider;
    }

    public Kind kind() {
        return kind;
    }

    public int status() {
        return status;
    }

    public long retryAfterMs() {
        return retryAfterMs;
    }

    /** Another provider may well succeed where this one did not. */
    public boolean failoverCandidate() {
        return kind != Kind.INVALID && kind != Kind.AMBIGUOUS;
    }
}
