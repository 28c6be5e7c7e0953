package com.sartiq.hub.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.sartiq.hub.testsupport.HubStack;
import com.sartiq.hub.testsupport.Ports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The workflow worker (a compute-hub jar running only the {@code workflow} role) is killed with SIGKILL while
 * workflows of four chained fal steps run. With no workflow role left, the beat's sweep (in the process that
 * runs the API, the fal worker, beat and events) keeps advancing them; a new workflow worker joins later. Every
 * workflow completes and every step ran as exactly one task, submitted to fal once.
 */
class WorkflowCrashTest {

    private static final int WORKFLOWS = 12;
    private static final List<String> STEPS = List.of("generate", "refine", "background", "enhance");
    private static String jdbcUrl;

    @BeforeAll
    static void start() {
        HubProcess.requireJar(HubProcess.COMPUTE_JAR);
        // a database of its own: the in-JVM stack of the other tests must not take these tasks or workflows
        jdbcUrl = HubStack.shared().postgres().database("hub_wfcrash_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10), true);
    }

    @AfterAll
    static void stop() {
        HubProcess.killAll();
    }

    @Test
    void killedWorkflowWorkerLosesNoStepAndRunsNoneTwice() throws Exception {
        HubStack stack = HubStack.shared();
        String apiKey = stack.secrets().computeApiKey();
        int apiPort = Ports.free();
        launch(apiPort, "api", "api,fal,beat,events");
        Process worker = launch(Ports.free(), "workflow worker", "workflow");
        String workflows = "http://127.0.0.1:" + apiPort + "/api/v1/workflows/";

        List<String> ids = new ArrayList<>();
        for (int i = 0; i < WORKFLOWS; i++) {
            Http.Response created = Http.postJson(workflows, apiKey, pipeline(i));
            assertEquals(201, created.status(), created.body());
            ids.add(created.json().get("id").asText());
        }
        // mid-run: some steps done, most still ahead
        long deadline = System.currentTimeMillis() + 120_000;
        while (count("status = 'completed'") < WORKFLOWS && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        worker.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        int completedAtKill = count("status = 'completed'");
        assertTrue(completedAtKill < WORKFLOWS * STEPS.size() * 3 / 4, "killed mid-run: " + completedAtKill + " steps done");

        // no workflow role anywhere: the sweep alone advances the workflows (it runs every second here)
        deadline = System.currentTimeMillis() + 60_000;
        while (count("status = 'completed'") < completedAtKill + WORKFLOWS && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        int advancedBySweep = count("status = 'completed'") - completedAtKill;
        assertTrue(advancedBySweep >= WORKFLOWS, "steps completed with the workflow role down: " + advancedBySweep);

        launch(Ports.free(), "workflow worker 2", "workflow");
        for (String id : ids) {
            JsonNode done = Http.await(workflows + id, apiKey, Duration.ofSeconds(120),
                    w -> !List.of("created", "running").contains(w.get("status").asText()));
            assertEquals("completed", done.get("status").asText(), done.toString());
            for (JsonNode step : done.get("steps")) {
                assertEquals(1, step.get("runs").asInt(), "step " + step.get("id") + " of " + id + " enqueued once");
            }
        }
        // exactly one task per step, and fal saw each of them once
        assertEquals(WORKFLOWS * STEPS.size(), count("true"));
        Map<String, Integer> perKey = tasksPerIdempotencyKey();
        assertEquals(WORKFLOWS * STEPS.size(), perKey.size(), "one idempotency key per step");
        assertTrue(perKey.values().stream().allMatch(n -> n == 1), perKey.toString());
        Map<String, Integer> submissions = new TreeMap<>();
        stack.simulator().submissionsByKey().forEach((key, n) -> {
            for (String task : taskIds()) {
                if (key.contains(task)) {
                    submissions.merge(task, n, Integer::sum);
                }
            }
        });
        assertEquals(WORKFLOWS * STEPS.size(), submissions.size(), "every step's task reached fal");
        assertTrue(submissions.values().stream().allMatch(n -> n == 1), "a step's task submitted twice: " + submissions);
        System.out.printf("workflow crash drill: %d workflows x %d steps, %d steps done at the kill, %d completed by the sweep alone%n",
                WORKFLOWS, STEPS.size(), completedAtKill, advancedBySweep);
    }

    /** generate → refine → background → enhance, each step's image the next one's input. */
    private static String pipeline(int n) {
        return "{\"name\":\"crash drill " + n + "\",\"origin_instance\":\"e2e\",\"steps\":["
                + "{\"id\":\"generate\",\"task_type\":\"GENERATION\",\"config\":{\"prompt\":\"crash drill look " + n + "\",\"width\":256,\"height\":256}},"
                + "{\"id\":\"refine\",\"task_type\":\"REFINE\",\"config\":{\"upscale_factor\":2},\"depends_on\":[\"generate\"],"
                + "\"input_mappings\":{\"image_url\":\"generate.images.0.url\"}},"
                + "{\"id\":\"background\",\"task_type\":\"BACKGROUND_FIX\",\"config\":{\"prompt\":\"white studio\"},\"depends_on\":[\"refine\"],"
                + "\"input_mappings\":{\"image_url\":\"refine.images.0.url\"}},"
                + "{\"id\":\"enhance\",\"task_type\":\"DETAIL_ENHANCER\",\"config\":{},\"depends_on\":[\"background\"],"
                + "\"input_mappings\":{\"image_url\":\"background.images.0.url\"}}]}";
    }

    private static Process launch(int port, String name, String roles) throws Exception {
        return HubProcess.start(HubProcess.COMPUTE_JAR, "workflow-crash " + name, port, HubStack.shared().computeArgs(port, roles),
                jdbcUrl, "wfcrash:", List.of(
                "--spring.datasource.hikari.maximum-pool-size=8", "--spring.datasource.hikari.minimum-idle=1",
                "--hub.workers.fal.concurrency=8", "--hub.workers.fal.poll-interval-ms=100",
                "--hub.workflows.sweep-cron=* * * * * ?", "--hub.events.relay-interval-ms=100"));
    }

    private static int count(String where) throws Exception {
        try (Connection c = connect(); ResultSet rs = c.createStatement().executeQuery("select count(*) from task where " + where)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static List<String> taskIds() {
        try (Connection c = connect(); ResultSet rs = c.createStatement().executeQuery("select id::text from task")) {
            List<String> ids = new ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
            return ids;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Integer> tasksPerIdempotencyKey() throws Exception {
        Map<String, Integer> perKey = new TreeMap<>();
        try (Connection c = connect(); ResultSet rs = c.createStatement().executeQuery(
                "select idempotency_key, count(*) from task group by idempotency_key")) {
            while (rs.next()) {
                perKey.put(rs.getString(1), rs.getInt(2));
            }
        }
        return perKey;
    }

    private static Connection connect() throws Exception {
        HubStack stack = HubStack.shared();
        return DriverManager.getConnection(jdbcUrl, stack.postgres().user(), stack.postgres().password());
    }
}
