package com.sartiq.hub.e2e;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A hub's packaged jar started the way a container runs it, for the crash drills: its own log file, ready when its
 * readiness probe says UP. {@link #killAll()} ends whatever a drill left running.
 */
final class HubProcess {

    static final Path BACKEND_JAR = Path.of("../../app/backend-hub/target/backend-hub-exec.jar");
    static final Path COMPUTE_JAR = Path.of("../../app/compute-hub/target/compute-hub-exec.jar");

    private static final List<Process> STARTED = new CopyOnWriteArrayList<>();

    private HubProcess() {
    }

    static void requireJar(Path jar) {
        assertTrue(Files.exists(jar), "build the jar first (mvn verify builds it before the e2e tests): " + jar.toAbsolutePath());
    }

    /**
     * Starts {@code jar} with {@code args}, the stack's arguments (a datasource URL and a Redis key prefix of the drill's own
     * replace the shared ones when given), and waits until it is ready on {@code port}.
     */
    static Process start(Path jar, String name, int port, List<String> stackArgs, String jdbcUrl, String keyPrefixSuffix,
                         List<String> args) throws Exception {
        // a drill's hub starts quickly and stays small: C1 only, a modest heap
        return start(List.of("-Xmx512m", "-XX:TieredStopAtLevel=1"), jar, name, port, stackArgs, jdbcUrl, keyPrefixSuffix, args);
    }

    /** {@link #start(Path, String, int, List, String, String, List)} with these JVM options. */
    static Process start(List<String> jvmOptions, Path jar, String name, int port, List<String> stackArgs, String jdbcUrl,
                         String keyPrefixSuffix, List<String> args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        for (String arg : stackArgs) {
            if (jdbcUrl != null && arg.startsWith("--spring.datasource.url=")) {
                arg = "--spring.datasource.url=" + jdbcUrl;
            } else if (keyPrefixSuffix != null && arg.startsWith("--hub.redis.key-prefix=")) {
                arg = arg + keyPrefixSuffix;
            }
            command.add(arg);
        }
        command.addAll(args);
        File log = Files.createTempFile(name.replace(' ', '-') + "-", ".log").toFile();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log);
        builder.environment().put("HUB_DEV_CONSOLE", "false");
        Process process = builder.start();
        STARTED.add(process);
        long deadline = System.currentTimeMillis() + 180_000;
        while (!ready(port)) {
            assertTrue(process.isAlive(), "'" + name + "' died at start, see " + log);
            assertTrue(System.currentTimeMillis() < deadline, "'" + name + "' not ready in time, see " + log);
            Thread.sleep(250);
        }
        System.out.println("'" + name + "' ready on " + port + ", log " + log);
        return process;
    }

    static void killAll() {
        STARTED.forEach(Process::destroyForcibly);
        STARTED.clear();
    }

    private static boolean ready(int port) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (Exception e) {
            return false;
        }
    }
}
