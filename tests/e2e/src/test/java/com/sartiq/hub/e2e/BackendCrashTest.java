package com.sartiq.hub.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.sartiq.hub.localstack.LocalStack;
import com.sartiq.hub.testsupport.HubStack;
import com.sartiq.hub.testsupport.Ports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
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

    private static final Path JAR = Path.of("../../app/backend-hub/target/backend-hub-exec.jar");
    /** From the restart to the completed generation: start-up, the quartz scheduler taking over the dead instance's trigger, one run. */
    private static final Duration CATCH_UP = Duration.ofSeconds(120);

    private static LocalStack hubs;
    private static String jdbcUrl;
    private static final List<Process> processes = new ArrayList<>();

    @BeforeAll
    static void start() {
        assertTrue(Files.exists(JAR), "build the jar first (mvn verify builds it before the e2e tests): " + JAR.toAbsolutePath());
        hubs = Hubs.get();
        // a database of its own: the in-JVM backend, which follows the same compute events, must not know this generation
        jdbcUrl = HubStack.shared().postgres().database("hub_backend_crash_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10), true);
    }

    @AfterAll
    static void stop() {
        processes.forEach(Process::destroyForcibly);
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
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx512m", "-XX:TieredStopAtLevel=1", "-jar", JAR.toString()));
        for (String arg : hubs.stack().backendArgs(port, URI.create(hubs.computeUrl()).getPort())) {
            if (arg.startsWith("--spring.datasource.url=")) {
                arg = "--spring.datasource.url=" + jdbcUrl;
            } else if (arg.startsWith("--hub.redis.key-prefix=")) {
                arg = arg + "crash:";
            }
            command.add(arg);
        }
        // the webhook URL of backendArgs names this process's own port; reconciliation every second, for predictions quiet 5 s
        command.addAll(Hubs.ARGS);
        command.addAll(List.of("--spring.datasource.hikari.maximum-pool-size=6", "--spring.datasource.hikari.minimum-idle=1"));
        File log = Files.createTempFile("backend-crash-" + name + "-", ".log").toFile();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log);
        builder.environment().put("HUB_DEV_CONSOLE", "false");
        Process process = builder.start();
        processes.add(process);
        long deadline = System.currentTimeMillis() + 180_000;
        while (!ready(port)) {
            assertTrue(process.isAlive(), "backend-hub '" + name + "' died at start, see " + log);
            assertTrue(System.currentTimeMillis() < deadline, "backend-hub '" + name + "' not ready in time, see " + log);
            Thread.sleep(250);
        }
        System.out.println("backend-hub '" + name + "' ready on " + port + ", log " + log);
        return process;
    }

    private static boolean ready(int port) {
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")).timeout(Duration.ofSeconds(5)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (Exception e) {
            return false;
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
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
