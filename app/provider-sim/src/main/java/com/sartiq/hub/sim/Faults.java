package com.sartiq.hub.sim;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Faults waiting to be applied, per target ({@code fal-submit}, {@code fal-status}, {@code fal-result},
 * {@code fal-request} (how a request ends), {@code fal-run} (synchronous runs),
 * {@code fal-webhook}, {@code openai}, {@code anthropic}, {@code gemini}): a queue of one-shot faults taken in
 * order, then a standing fault applied with a probability (1.0 = every request, e.g. "provider down").
 */
public final class Faults {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Faults.class);

    public static final String HEADER = "X-Sim-Fault";

    private final Map<String, Deque<Fault>> queued = new HashMap<>();
    private final Map<String, Standing> standing = new HashMap<>();

    private record Standing(Fault fault, double probability) {
    }

    /** The next {@code times} requests to {@code target} get {@code fault}. */
    public synchronized Faults next(String target, Fault fault, int times) {
        Deque<Fault> queue = queued.computeIfAbsent(target, t -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            queue.add(fault);
        }
        return this;
    }

    /** Every request to {@code target} (after queued ones) gets {@code fault} with this probability. */
    public synchronized Faults always(String target, Fault fault, double probability) {
        standing.put(target, new Standing(fault, probability));
        return this;
    }

    public synchronized void clear() {
        queued.clear();
        standing.clear();
    }

    /** The fault for this request, or null; a request header wins over anything configured. */
    synchronized Fault take(String target, String header) {
        Fault fault = pick(target, header);
        if (fault != null) {
            LOG.info("fault injected on {}: {}", target, fault);
        }
        return fault;
    }

    private Fault pick(String target, String header) {
        if (header != null && !header.isBlank()) {
            return Fault.parse(header);
        }
        Deque<Fault> queue = queued.get(target);
        if (queue != null && !queue.isEmpty()) {
            return queue.poll();
        }
        Standing s = standing.get(target);
        if (s != null && ThreadLocalRandom.current().nextDouble() < s.probability()) {
            return s.fault();
        }
        return null;
    }
}
