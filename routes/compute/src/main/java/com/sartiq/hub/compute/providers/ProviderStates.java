package com.sartiq.hub.compute.providers;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What this instance knows about each provider: its settings, its circuit breaker, outcomes of recent calls,
 * and whether ops paused it (read back from {@code provider_state} on every sync, so a pause reaches all
 * instances within one sync interval without a restart).
 */
public class ProviderStates {

    private static final Duration WINDOW = Duration.ofMinutes(5);

    private final Map<String, ProviderSettings> settings;
    private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
    private final Map<String, Stats> stats = new ConcurrentHashMap<>();
    private final Set<String> paused = ConcurrentHashMap.newKeySet();

    public ProviderStates(Map<String, ProviderSettings> settings) {
        for (var entry : settings.entrySet()) {
            if (entry.getValue().protocol() == null || !ProviderSettings.PROTOCOLS.contains(entry.getValue().protocol())) {
                throw new IllegalStateException("hub.providers." + entry.getKey() + ".protocol must be one of "
                        + ProviderSettings.PROTOCOLS + ", not " + entry.getValue().protocol());
            }
        }
        this.settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        this.settings.forEach((name, s) -> {
            breakers.circuitBreaker(name, CircuitBreakerConfig.custom()
                    .failureRateThreshold(s.failureRateThreshold())
                    .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                    .slidingWindowSize(Math.max(s.minimumCalls(), 10))
                    .minimumNumberOfCalls(s.minimumCalls())
                    .waitDurationInOpenState(Duration.ofSeconds(s.openSeconds()))
                    .permittedNumberOfCallsInHalfOpenState(2)
                    .automaticTransitionFromOpenToHalfOpenEnabled(true)
                    .recordExceptions(ProviderFailure.Recorded.class, java.io.IOException.class)
                    .ignoreExceptions(ProviderFailure.Ignored.class)
                    .build());
            stats.put(name, new Stats());
        });
    }

    public Map<String, ProviderSettings> settings() {
        return settings;
    }

    public ProviderSettings settings(String name) {
        ProviderSettings s = settings.get(name);
        if (s == null) {
            throw new IllegalArgumentException("no provider " + name + " under hub.providers");
        }
        return s;
    }

    public CircuitBreaker breaker(String name) {
        return breakers.circuitBreaker(name);
    }

    /** Usable right now: configured, not paused, circuit not open. */
    public boolean available(String name) {
        return settings.containsKey(name) && !paused.contains(name)
                && breaker(name).getState() != CircuitBreaker.State.OPEN && breaker(name).getState() != CircuitBreaker.State.FORCED_OPEN;
    }

    public boolean paused(String name) {
        return paused.contains(name);
    }

    public void setPaused(String name, boolean value) {
        if (value) {
            paused.add(name);
        } else {
            paused.remove(name);
        }
    }

    public void success(String name) {
        stats.get(name).record(true, null);
    }

    public void failure(String name, String error) {
        stats.get(name).record(false, error);
    }

    /** The SQL parameters of {@code provider-state-sync.sql} for one provider; resets the deltas. */
    public Map<String, Object> report(String name, int inFlight, String instance) {
        ProviderSettings s = settings(name);
        Stats st = stats.get(name);
        Map<String, Object> row = new HashMap<>();
        synchronized (st) {
            st.prune();
            row.put("name", name);
            row.put("protocol", s.protocol());
            row.put("circuitState", breaker(name).getState().name());
            row.put("inFlight", inFlight);
            row.put("limit", s.concurrency());
            row.put("calls", st.callsDelta);
            row.put("errors", st.errorsDelta);
            row.put("errorRate", st.recent.isEmpty() ? 0f : (float) st.recent.stream().filter(o -> !o.ok).count() / st.recent.size());
            row.put("lastError", st.lastError);
            row.put("lastErrorAt", st.lastErrorAt == null ? null : st.lastErrorAt.toString());
            row.put("lastSuccessAt", st.lastSuccessAt == null ? null : st.lastSuccessAt.toString());
            row.put("instance", instance);
            st.callsDelta = 0;
            st.errorsDelta = 0;
            st.lastError = null;
            st.lastErrorAt = null;
        }
        return row;
    }

    private record Outcome(Instant at, boolean ok) {
    }

    private static final class Stats {
        private final Deque<Outcome> recent = new ArrayDeque<>();
        private long callsDelta;
        private long errorsDelta;
        private String lastError;
        private Instant lastErrorAt;
        private Instant lastSuccessAt;

        synchronized void record(boolean ok, String error) {
            Instant now = Instant.now();
            recent.addLast(new Outcome(now, ok));
            if (recent.size() > 1000) {
                recent.removeFirst();
            }
            callsDelta++;
            if (ok) {
                lastSuccessAt = now;
            } else {
                errorsDelta++;
                lastError = error == null ? "unknown error" : error.length() > 500 ? error.substring(0, 500) + "…" : error;
                lastErrorAt = now;
            }
        }

        void prune() {
            Instant cutoff = Instant.now().minus(WINDOW);
            while (!recent.isEmpty() && recent.peekFirst().at().isBefore(cutoff)) {
                recent.removeFirst();
            }
        }
    }
}
