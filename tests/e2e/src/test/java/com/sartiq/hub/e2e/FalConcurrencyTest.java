package com.sartiq.hub.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.sartiq.hub.compute.app.ComputeHubApplication;
import com.sartiq.hub.localstack.LocalStack;
import com.sartiq.hub.testsupport.Ports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 200 GENERATION tasks (or {@code -Dhub.bench.fal-tasks=N}) against fal with 2 s latency, worked by two compute-hub
 * instances at once: never more than {@code hub.providers.fal.concurrency} (50) requests in flight at the simulator,
 * every task completed, each submitted exactly once. Prints the slot utilisation: achieved tasks/s over the
 * Little's-law ceiling 50 / 2 s = 25/s, over the whole run and in the steady state (recorded in docs/BENCHMARKS.md);
 * {@code -Dhub.bench.fal-warmup=N} runs N tasks first, unmeasured.
 */
class FalConcurrencyTest {

    private static final int TASKS = Integer.getInteger("hub.bench.fal-tasks", 200);
    private static final int WARMUP = Integer.getInteger("hub.bench.fal-warmup", 0);
    private static final long LATENCY_MS = 2000;
    private static LocalStack hubs;
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void start() {
        hubs = Hubs.get();
        int port = Ports.free();
        List<String> args = new ArrayList<>(hubs.stack().computeArgs(port, "api,fal"));
        args.addAll(List.of("--hub.providers.fal.fallback-poll-seconds=2", "--hub.workers.fal.poll-interval-ms=100",
                "--hub.providers.fal.ambiguous-wait-seconds=120", "--camel.main.name=compute-hub-2", "--management.endpoints.jmx.exposure.exclude=*",
                "--spring.jmx.enabled=false", "--camel.main.jmx-enabled=false"));
        second = ComputeHubApplication.application().run(args.toArray(String[]::new));
    }

    @AfterAll
    static void stop() {
        hubs.stack().simulator().setLatencyMillis(300);
        if (second != null) {
            second.close();
        }
    }

    @Test
    void twoInstancesNeverHaveMoreThanFiftyRequestsInFlightAndCompleteEveryTaskOnce() throws Exception {
        var simulator = hubs.stack().simulator();
        simulator.setLatencyMillis(LATENCY_MS);
        if (WARMUP > 0) {
            // the JIT compiles both hubs' hot paths first: a cold JVM spends most of a short run compiling
            run("warm-up", WARMUP);
        }
        simulator.reset();
        long started = System.nanoTime();
        // requests in flight at the simulator, sampled: how full the 50 slots keep fal
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        LongAdder samples = new LongAdder();
        LongAdder inFlight = new LongAdder();
        sampler.scheduleAtFixedRate(() -> {
            samples.increment();
            inFlight.add(simulator.inFlight());
        }, 0, 50, TimeUnit.MILLISECONDS);
        List<JsonNode> tasks = run("bench", TASKS);
        double seconds = (System.nanoTime() - started) / 1e9;
        sampler.shutdownNow();
        System.out.printf("FAL slots: mean requests in flight at fal %.1f of 50%n", inFlight.doubleValue() / Math.max(1, samples.sum()));
        double achieved = TASKS / seconds;
        double ceiling = 50 / (LATENCY_MS / 1000.0);
        System.out.printf("FAL slots: %d tasks (after %d warm-up), 2 instances, latency %d ms: %.2f s, %.2f tasks/s, ceiling %.1f/s,"
                        + " utilisation %.3f, peak in flight %d%n", TASKS, WARMUP, LATENCY_MS, seconds, achieved, ceiling, achieved / ceiling,
                simulator.peakInFlight());
        // Little's law holds in the steady state: the middle 80 % of completions, without the first requests' fill and the drain
        List<Instant> completions = tasks.stream().map(t -> Instant.parse(t.get("completed_at").asText())).sorted().toList();
        int from = TASKS / 10;
        int to = TASKS - 1 - TASKS / 10;
        double steadySeconds = Duration.between(completions.get(from), completions.get(to)).toMillis() / 1000.0;
        if (to > from && steadySeconds > 0) {
            double steady = (to - from) / steadySeconds;
            System.out.printf("FAL slots: steady state (completions %d..%d) %.2f tasks/s, utilisation %.3f%n", from, to, steady, steady / ceiling);
        }
        assertTrue(simulator.peakInFlight() <= 50, "peak in flight " + simulator.peakInFlight());
        assertEquals(TASKS, simulator.submissionCount(), "each task submitted once");
        Map<String, Integer> perKey = simulator.submissionsByKey();
        assertEquals(TASKS, perKey.size());
        assertEquals(1, simulator.maxSubmissionsPerKey(), "never twice for one task");
    }

    /** Creates {@code count} GENERATION tasks (8 clients at once) and waits for each: all must complete. */
    private static List<JsonNode> run(String label, int count) throws Exception {
        String key = hubs.stack().secrets().computeApiKey();
        List<String> ids = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> created = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String prompt = label + " look " + i;
                long seed = i;
                created.add(pool.submit(() -> {
                    Http.Response r = Http.postJson(hubs.computeUrl() + "/api/v1/tasks/", key,
                            "{\"task_type\":\"GENERATION\",\"prompt\":\"" + prompt + "\",\"width\":256,\"height\":256,\"seed\":" + seed + "}");
                    assertEquals(201, r.status(), r.body());
                    return r.json().get("id").asText();
                }));
            }
            for (Future<String> f : created) {
                ids.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
        List<JsonNode> tasks = new ArrayList<>();
        for (String id : ids) {
            JsonNode task = Http.await(hubs.computeUrl() + "/api/v1/tasks/" + id, key, Duration.ofSeconds(240),
                    t -> !t.get("status").asText().equals("pending") && !t.get("status").asText().equals("running"));
            assertEquals("completed", task.get("status").asText(), task.toString());
            tasks.add(task);
        }
        return tasks;
    }
}
