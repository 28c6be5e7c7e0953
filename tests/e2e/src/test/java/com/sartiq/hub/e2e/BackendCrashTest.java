package com.sartiq.hub.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.sartiq.hub.localstack.LocalStack;
import com.sartiq.hub.testsupport.HubStack;
import com.sartiq.hub.testsupport.Ports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The backend's fault: a backend-hub process (the packaged jar, as a container runs it) is killed with SIGKILL right
 * after accepting a generation; its compute tasks complete while it is down, so compute's webhooks fail and its Redis
 * events go unheard. Restarted on the same port and database, it catches up (reconciliation asks compute for the quiet
 * predictions): the generation completes with both images, and nothing was submitted twice.
 */
class BackendCrashTest {

    /** From the restart to the completed generation: start-up, the quartz scheduler taking over the dead instance's trigger, one run. */
    private static final Duration CATCH_UP = Duration.ofSeconds(120);

    private static LocalStack hubs;
    private static String jdbcUrl;

    @BeforeAll
    static void start() {
        HubProcess.requireJar(HubProcess.BACKEND_JAR);
        hubs = Hubs.get();
        // a database of its own: the in-JVM backend, which follows the same compute events, must not know this generation
        jdbcUrl = HubStack.shared().postgres().database("hub_backend_crash_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10), true);
    }

    @AfterAll
    static void stop() {
        HubProcess.killAll();
    }

    @Test
    void killedAfterAcceptingAGenerationTheRestartedBackendCompletesItWithoutASecondSubmission() throws Exception {
        HubStack stack = hubs.stack();
        String computeKey = stack.secrets().computeApiKey();
        int port = Ports.free();
        String base = "http://127.0.0.1:" + port;
        Process first = launch(port, "first");
        String admin = Accounts.login(base, stack.secrets().firstSuperuser(), stack.secrets().firstSuperuserPassword());
        String token = Accounts.newUser(base, admin, "crash")[1];

        stack.simulator().setLatencyMillis(8000);
        JsonNode accepted;
        long killedAt;
        try {
            Http.Response created = Http.postJson(base + "/api/v1/generations/", token,
                    "{\"prompt\":\"a wool coat, backend crash drill\",\"width\":256,\"height\":256,\"batch_size\":2}");
            first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            killedAt = System.nanoTime();
            assertEquals(201, created.status(), created.body());
            accepted = created.json();
            List<String> taskIds = taskIds(accepted);
            assertEquals(2, taskIds.size(), "both predictions submitted before the 201: " + accepted);

            // compute finishes both while the backend is down
            for (String taskId : taskIds) {
                Http.await(hubs.computeUrl() + "/api/v1/tasks/" + taskId, computeKey, Duration.ofSeconds(60),
                        t -> t.get("status").asText().equals("completed"));
            }
        } finally {
            stack.simulator().setLatencyMillis(300);
        }
        long computeDoneAt = System.nanoTime();
        String id = accepted.get("id").asText();
        // down a few seconds more: compute's webhook deliveries of the last events fail and back off
        Thread.sleep(4000);
        assertNotEquals("completed", scalar("select status from generation where id = cast('" + id + "' as uuid)"),
                "nothing completed the generation while its backend was down");

        long restartedAt = System.nanoTime();
        launch(port, "restarted");
        long readyAt = System.nanoTime();
        JsonNode done = Http.await(base + "/api/v1/generations/" + id, token, CATCH_UP,
                g -> !g.get("status").asText().matches("pending|processing"));
        long completedAt = System.nanoTime();

        assertEquals("completed", done.get("status").asText(), done.toString());
        assertEquals(100, done.get("progress").asInt());
        for (JsonNode prediction : done.get("predictions")) {
            assertEquals("completed", prediction.get("status").asText(), prediction.toString());
            String url = prediction.get("result_image_url").asText();
            assertTrue(url.startsWith("http"), "an image URL: " + prediction);
            assertTrue(Http.bytes(url).length > 0, "the image is there: " + url);
        }
        assertEquals(taskIds(accepted), taskIds(done), "the same compute tasks, no new ones");

        // each prediction reached compute once (one task per idempotency key) and fal once (per task)
        JdbcTemplate compute = hubs.compute().getBean(JdbcTemplate.class);
        Map<String, Integer> submissions = stack.simulator().submissionsByKey();
        for (JsonNode prediction : done.get("predictions")) {
            assertEquals(1, compute.queryForObject("select count(*) from task where idempotency_key = ?", Integer.class,
                    "prediction-" + prediction.get("id").asText()), "one compute task for prediction " + prediction.get("id"));
            String taskId = prediction.get("task_id").asText();
            int atFal = submissions.entrySet().stream().filter(e -> e.getKey().contains("task_id=" + taskId)).mapToInt(Map.Entry::getValue).sum();
            assertEquals(1, atFal, "task " + taskId + " submitted to fal once");
        }

        // a state read by the reconciliation job is applied with the final sequence; a late webhook carries compute's own
        String reconciled = scalar("select count(*) from prediction where generation_id = cast('" + id + "' as uuid)"
                + " and task_sequence = " + Integer.MAX_VALUE);
        System.out.printf("backend crash drill: killed → compute done %.1f s → restart launched %.1f s → ready %.1f s → completed %.1f s"
                        + " (%.1f s after ready); predictions caught up by reconciliation: %s of 2%n",
                seconds(killedAt, computeDoneAt), seconds(killedAt, restartedAt), seconds(killedAt, readyAt), seconds(killedAt, completedAt),
                seconds(readyAt, completedAt), reconciled);
    }

    private static List<String> taskIds(JsonNode generation) {
        List<String> ids = new ArrayList<>();
        for (JsonNode prediction : generation.get("predictions")) {
            if (prediction.hasNonNull("task_id")) {
                ids.add(prediction.get("task_id").asText());
            }
        }
        return ids;
    }

    /** The packaged jar, the way a container starts it, over its own database and pointed at the shared compute-hub. */
    private static Process launch(int port, String name) throws Exception {
        // the webhook URL of backendArgs names this process's own port; reconciliation every second, for predictions quiet 5 s
        List<String> args = new ArrayList<>(Hubs.ARGS);
        args.addAll(List.of("--spring.datasource.hikari.maximum-pool-size=6", "--spring.datasource.hikari.minimum-idle=1"));
        return HubProcess.start(HubProcess.BACKEND_JAR, "backend-crash " + name, port,
                hubs.stack().backendArgs(port, URI.create(hubs.computeUrl()).getPort()), jdbcUrl, "crash:", args);
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }

    private static String scalar(String sql) throws Exception {
        HubStack stack = hubs.stack();
        try (Connection c = DriverManager.getConnection(jdbcUrl, stack.postgres().user(), stack.postgres().password());
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
