package com.sartiq.hub.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.sartiq.hub.testsupport.HubStack;
import com.sartiq.hub.testsupport.Ports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * processes (the packaged jar, production settings, their own database and Redis keys): never more than
 * {@code hub.providers.fal.concurrency} (50) requests in flight at the simulator, every task completed, each submitted
 * exactly once. Prints the slot utilisation: achieved tasks/s over the Little's-law ceiling 50 / 2 s = 25/s, over the
 * whole run and in the steady state, and where a task's time went (recorded in docs/BENCHMARKS.md);
 * {@code -Dhub.bench.fal-warmup=N} runs N tasks first, unmeasured.
 */
class FalConcurrencyTest {

    private static final int TASKS = Integer.getInteger("hub.bench.fal-tasks", 200);
    private static final int WARMUP = Integer.getInteger("hub.bench.fal-warmup", 0);
    private static final long LATENCY_MS = 2000;
    private static final HubStack STACK = HubStack.shared();
    private static String jdbcUrl;
    private static final List<String> urls = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        HubProcess.requireJar(HubProcess.COMPUTE_JAR);
        jdbcUrl = STACK.postgres().database("hub_fal_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10), true);
        // the first instance also runs the beat and the event relay, as the compute VM does; both take API calls
        ExecutorService starting = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> started = new ArrayList<>();
            for (String roles : List.of("api,fal,beat,events", "api,fal")) {
                started.add(starting.submit(() -> launch(roles)));
            }
            for (Future<String> url : started) {
                urls.add(url.get());
            }
        } finally {
            starting.shutdown();
        }
    }

    private static String launch(String roles) throws Exception {
        int port = Ports.free();
        // production JVM and settings; only the heap is capped, two hubs and the test JVM share this machine
        HubProcess.start(List.of("-Xmx768m"), HubProcess.COMPUTE_JAR, "fal-bench " + roles, port, STACK.computeArgs(port, roles),
                jdbcUrl, "falbench:", List.of());
        return "http://127.0.0.1:" + port;
    }

    @AfterAll
    static void stop() {
        HubProcess.killAll();
        STACK.simulator().setLatencyMillis(300);
    }

    @Test
    void twoInstancesNeverHaveMoreThanFiftyRequestsInFlightAndCompleteEveryTaskOnce() throws Exception {
        var simulator = STACK.simulator();
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
        printStages(tasks);
        assertTrue(simulator.peakInFlight() <= 50, "peak in flight " + simulator.peakInFlight());
        assertEquals(TASKS, simulator.submissionCount(), "each task submitted once");
        Map<String, Integer> perKey = simulator.submissionsByKey();
        assertEquals(TASKS, perKey.size());
        assertEquals(1, simulator.maxSubmissionsPerKey(), "never twice for one task");
    }

    /**
     * Where a slot's time goes, from compute's job history: claim to submit answered (the submit call's own time
     * apart), submit answered to the task completed (fal's 2 s, the webhook, the copy into storage and the completion);
     * means in ms over the measured tasks. A webhook carries the result, so there is no result call.
     */
    private static void printStages(List<JsonNode> tasks) throws Exception {
        String sql = """
                with submit as (
                  select task_id, min(created_at) answered, max(duration_ms) call_ms from provider_attempt
                  where operation = 'submit' and task_id = any (cast(? as uuid[])) group by task_id)
                select avg(extract(epoch from s.answered - t.started_at) * 1000), avg(s.call_ms),
                       avg(extract(epoch from t.completed_at - s.answered) * 1000), avg(extract(epoch from t.completed_at - t.started_at) * 1000)
                from task t join submit s on s.task_id = t.id""";
        try (Connection c = DriverManager.getConnection(jdbcUrl, STACK.postgres().user(), STACK.postgres().password());
             PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("text", tasks.stream().map(t -> t.get("id").asText()).toArray()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                System.out.printf("FAL slots: per task (ms, mean): claim→submitted %.0f (submit call %.0f), submitted→completed %.0f,"
                        + " claim→completed %.0f%n", rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4));
            }
        }
    }

    /** Creates {@code count} GENERATION tasks (8 clients at once, through both instances) and waits for each: all must complete. */
    private static List<JsonNode> run(String label, int count) throws Exception {
        String key = STACK.secrets().computeApiKey();
        List<String> ids = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> created = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String prompt = label + " look " + i;
                long seed = i;
                String url = urls.get(i % urls.size());
                created.add(pool.submit(() -> {
                    Http.Response r = Http.postJson(url + "/api/v1/tasks/", key,
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
            JsonNode task = Http.await(urls.get(0) + "/api/v1/tasks/" + id, key, Duration.ofSeconds(240),
                    t -> !t.get("status").asText().equals("pending") && !t.get("status").asText().equals("running"));
            assertEquals("completed", task.get("status").asText(), task.toString());
            tasks.add(task);
        }
        return tasks;
    }
}
