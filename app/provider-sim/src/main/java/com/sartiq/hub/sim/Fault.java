package com.sartiq.hub.sim;

import java.util.Locale;

/**
 * One injected misbehaviour of a simulated endpoint.
 *
 * <ul>
 *   <li>{@code status} — answer with {@code status} (429, 500, 503, 529, …) in the provider's error shape,
 *       with {@code Retry-After: retryAfterSeconds} when given; nothing is enqueued or answered.</li>
 *   <li>{@code quota} — the provider's "quota exhausted" 429, which clients must not retry.</li>
 *   <li>{@code timeout} — do the work but hold the answer for {@code delayMillis} (a lost response:
 *       a fal submit is enqueued all the same).</li>
 *   <li>{@code latency} — answer normally after {@code delayMillis}.</li>
 *   <li>{@code malformed} — 200 with a body that is not JSON (on a fal submit the request is enqueued all the
 *       same: an accepted job whose id the client never learns).</li>
 *   <li>{@code drop}, {@code duplicate} — fal webhooks only: not delivered, or delivered twice.</li>
 *   <li>{@code failed} — fal requests only (target {@code fal-request}, or {@code fal-run} for a synchronous run): the
 *       request is accepted and runs, then ends in error {@code status} (default 422): status {@code COMPLETED} with
 *       {@code error}, result and run answered {@code status} with a {@code detail} body, webhook {@code ERROR}.</li>
 * </ul>
 *
 * <p>Text form (command line, {@code X-Sim-Fault} header): {@code kind[:status][;retry-after=S][;delay-ms=N]},
 * e.g. {@code status:503;retry-after=1}, {@code quota}, {@code timeout;delay-ms=5000}.
 */
public record Fault(Kind kind, int status, Integer retryAfterSeconds, long delayMillis) {

    public enum Kind { STATUS, QUOTA, TIMEOUT, LATENCY, MALFORMED, DROP, DUPLICATE, FAILED }

    public static Fault status(int status, Integer retryAfterSeconds) {
        return new Fault(Kind.STATUS, status, retryAfterSeconds, 0);
    }

    public static Fault quota() {
        return new Fault(Kind.QUOTA, 429, null, 0);
    }

    public static Fault timeout(long delayMillis) {
        return new Fault(Kind.TIMEOUT, 0, null, delayMillis);
    }

    public static Fault latency(long delayMillis) {
        return new Fault(Kind.LATENCY, 0, null, delayMillis);
    }

    public static Fault malformed() {
        return new Fault(Kind.MALFORMED, 200, null, 0);
    }

    public static Fault failed(int status) {
        return new Fault(Kind.FAILED, status, null, 0);
    }

    public static Fault drop() {
        return new Fault(Kind.DROP, 0, null, 0);
    }

    public static Fault duplicate() {
        return new Fault(Kind.DUPLICATE, 0, null, 0);
    }

    public static Fault parse(String text) {
        String[] parts = text.trim().split(";");
        String[] head = parts[0].split(":");
        Kind kind = Kind.valueOf(head[0].trim().toUpperCase(Locale.ROOT));
        int status = head.length > 1 ? Integer.parseInt(head[1].trim()) : kind == Kind.QUOTA ? 429 : kind == Kind.MALFORMED ? 200
                : kind == Kind.FAILED ? 422 : 0;
        Integer retryAfter = null;
        long delay = kind == Kind.TIMEOUT ? 60_000 : 0;
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].split("=", 2);
            switch (kv[0].trim().toLowerCase(Locale.ROOT)) {
                case "retry-after" -> retryAfter = Integer.parseInt(kv[1].trim());
                case "delay-ms" -> delay = Long.parseLong(kv[1].trim());
                default -> throw new IllegalArgumentException("unknown fault option " + parts[i]);
            }
        }
        if (kind == Kind.STATUS && (status < 400 || status > 599)) {
            throw new IllegalArgumentException("a status fault needs an error status: " + text);
        }
        return new Fault(kind, status, retryAfter, delay);
    }
}
