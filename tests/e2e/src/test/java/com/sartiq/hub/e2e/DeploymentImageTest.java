package com.sartiq.hub.e2e;

import com.sartiq.hub.testsupport.HubStack;
import com.sartiq.hub.testsupport.Ports;
import com.sartiq.hub.testsupport.S3Service;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What CI can check of the container images without a Docker engine: each hub's Dockerfile is
 * replayed step by step from the file itself (the layered-jar extract, the layer copies, ENV,
 * ENTRYPOINT) and the hub must become ready with the production profile over the test stack, with
 * Hawtio and Jolokia answering only with the ops credentials; with a secret missing the same
 * command stops at once with one line naming it.
 */
class DeploymentImageTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String OPS_PASSWORD = "ops-test-password";

    @Test
    void eachHubStartsFromItsExtractedLayersWithExactlyTheImagesCommand() throws Exception {
        HubStack stack = HubStack.shared();
        String run = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        CompletableFuture<Void> backend = CompletableFuture.runAsync(() -> startAndCheck("backend-hub", stack, run));
        CompletableFuture<Void> compute = CompletableFuture.runAsync(() -> startAndCheck("compute-hub", stack, run));
        CompletableFuture.allOf(backend, compute).join();
    }

    @Test
    void aMissingSecretStopsTheImagesCommandWithOneLineNamingIt() throws Exception {
        Path app = extract("backend-hub");
        Dockerfile image = Dockerfile.parse(DeploymentFiles.root().resolve("backend-hub/Dockerfile"));
        Map<String, String> env = hubEnv("backend-hub", HubStack.shared(), "nosecret", Ports.free());
        env.remove("HUB_SECRETS_DIR"); // where HUB_JWT_SECRET comes from
        ProcessBuilder builder = command(image, app, env).redirectErrorStream(true);
        Process hub = builder.start();
        String output = new String(hub.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(hub.waitFor(120, TimeUnit.SECONDS));
        assertNotEquals(0, hub.exitValue(), output);
        assertTrue(output.contains("Startup check failed: hub.security.jwt-secret (HUB_JWT_SECRET) is not set"), output);
        assertFalse(output.contains("Flyway"), "stopped before touching the database: " + output);
    }

    private static void startAndCheck(String hubName, HubStack stack, String run) {
        Process hub = null;
        Path log = null;
        try {
            Path app = extract(hubName);
            Dockerfile image = Dockerfile.parse(DeploymentFiles.root().resolve(hubName + "/Dockerfile"));
            int port = Ports.free();
            log = Files.createTempFile(hubName + "-image-", ".log");
            hub = command(image, app, hubEnv(hubName, stack, run, port)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            String base = "http://127.0.0.1:" + port;
            long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
            while (!ready(base)) {
                Process started = hub;
                Path output = log;
                assertTrue(hub.isAlive(), () -> hubName + " exited " + started.exitValue() + ": " + tail(output));
                assertTrue(System.nanoTime() < deadline, () -> hubName + " not ready in time: " + tail(output));
                Thread.sleep(250);
            }
            String camel = hubName;
            assertEquals(401, get(base + "/actuator/hawtio/", null).statusCode(), "Hawtio needs the ops credentials");
            assertEquals(401, get(base + "/actuator/jolokia/version", "ops:wrong").statusCode());
            HttpResponse<String> console = get(base + "/actuator/hawtio/", "ops:" + OPS_PASSWORD);
            for (int hops = 0; hops < 3 && console.statusCode() == 302; hops++) {
                String location = console.headers().firstValue("Location").orElseThrow();
                assertFalse(location.contains("login"), "our Basic auth is the only login: " + location);
                console = get(URI.create(base + "/actuator/hawtio/").resolve(location).toString(), "ops:" + OPS_PASSWORD);
            }
            assertEquals(200, console.statusCode(), console.uri() + " " + console.body());
            assertTrue(console.body().toLowerCase().contains("hawtio"), console.body());
            HttpResponse<String> state = get(base + "/actuator/jolokia/read/org.apache.camel:context=" + camel
                    + ",type=context,name=%22" + camel + "%22/State", "ops:" + OPS_PASSWORD);
            assertEquals(200, state.statusCode(), state.body());
            assertTrue(state.body().contains("\"value\":\"Started\""), state.body());
            hub.destroy(); // SIGTERM, as docker stop sends
            assertTrue(hub.waitFor(60, TimeUnit.SECONDS), hubName + " did not stop on SIGTERM: " + tail(log));
        } catch (Exception e) {
            throw new AssertionError(hubName + ": " + e + (log == null ? "" : "\n" + tail(log)), e);
        } finally {
            if (hub != null && hub.isAlive()) {
                hub.destroyForcibly();
            }
        }
    }

    /** The builder stage: the jar copied under its image name, then the Dockerfile's own RUN, then the layers merged. */
    private static Path extract(String hubName) throws Exception {
        Path repo = DeploymentFiles.repository();
        Dockerfile image = Dockerfile.parse(repo.resolve("deployment/" + hubName + "/Dockerfile"));
        Path root = Files.createTempDirectory(hubName + "-image-");
        Path builder = root.resolve(image.builderWorkdir().replaceFirst("^/", ""));
        Files.createDirectories(builder);
        Path jar = repo.resolve(image.jarSource());
        assertTrue(Files.isRegularFile(jar), "build the hubs first: " + jar);
        Files.copy(jar, builder.resolve(image.jarName()));
        Process extract = new ProcessBuilder(image.extract()).directory(builder.toFile()).redirectErrorStream(true).start();
        String output = new String(extract.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(extract.waitFor(120, TimeUnit.SECONDS) && extract.exitValue() == 0, "extract failed: " + output);
        Path app = root.resolve(image.workdir().replaceFirst("^/", ""));
        Files.createDirectories(app);
        for (String[] layer : image.layers()) {
            Path from = root.resolve(layer[0].replaceFirst("^/", ""));
            assertTrue(Files.isDirectory(from), "layer missing after extract: " + layer[0]);
            Path to = app.resolve(layer[1]).normalize();
            try (Stream<Path> files = Files.walk(from)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Path target = to.resolve(from.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        return app;
    }

    private static ProcessBuilder command(Dockerfile image, Path app, Map<String, String> hubEnv) {
        ProcessBuilder builder = new ProcessBuilder(image.entrypoint()).directory(app.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("HUB_") || k.startsWith("SPRING_") || k.equals("JAVA_TOOL_OPTIONS"));
        env.putAll(image.env());
        env.putAll(hubEnv);
        return builder;
    }

    /** What the compose file's .env and environment give the container, pointed at the test stack. */
    private static Map<String, String> hubEnv(String hubName, HubStack stack, String run, int port) throws java.io.IOException {
        var secrets = stack.secrets();
        Map<String, String> env = new HashMap<>();
        boolean backend = hubName.equals("backend-hub");
        env.put("HUB_DB_URL", stack.postgres().database("hub_img" + run + "_" + (backend ? "backend" : "compute"), true));
        env.put("HUB_DB_USER", stack.postgres().user());
        env.put("HUB_DB_POOL", "3"); // the machine's PostgreSQL is shared by every test JVM
        env.put("HUB_DB_PASSWORD", stack.postgres().password());
        env.put("HUB_REDIS_URL", stack.redis().url());
        env.put("HUB_REDIS_KEY_PREFIX", "hubimg-" + run + (backend ? ":backend:" : ":compute:"));
        env.put("HUB_S3_ENDPOINT", stack.s3().endpoint());
        env.put("HUB_S3_REGION", "us-east-1");
        env.put("HUB_S3_BUCKET", HubStack.BUCKET);
        env.put("HUB_S3_ACCESS_KEY", S3Service.ACCESS_KEY);
        env.put("HUB_S3_SECRET_KEY", S3Service.SECRET_KEY);
        env.put("HUB_CDN_BASE_URL", stack.s3().publicBaseUrl(HubStack.BUCKET));
        env.put("HUB_COMPUTE_API_KEY", secrets.computeApiKey());
        env.put("HUB_WEBHOOK_SECRET", secrets.webhookSecret());
        env.put("HUB_OPS_PASSWORD", OPS_PASSWORD);
        env.put("HUB_LOG_FORMAT", "logstash");
        if (backend) {
            env.put("HUB_BACKEND_PORT", Integer.toString(port));
            // a secret given as a file, the way Docker and Kubernetes mount them (configtree in the variants)
            Path secretsDir = Files.createTempDirectory("hub-secrets-");
            Files.writeString(secretsDir.resolve("HUB_JWT_SECRET"), secrets.jwtSecret());
            env.put("HUB_SECRETS_DIR", secretsDir + "/");
            env.put("HUB_COMPUTE_URL", "http://127.0.0.1:" + Ports.free());
            env.put("HUB_COMPUTE_REDIS_URL", stack.redis().url());
            env.put("HUB_COMPUTE_EVENTS_CHANNEL", "hubimg-" + run + ":compute:task-events");
        } else {
            env.put("HUB_COMPUTE_PORT", Integer.toString(port));
            env.put("HUB_ROLES", "api,events");
            env.put("HUB_FAL_KEY", secrets.falKey());
            env.put("HUB_MATTING_MODEL_PATH", "");
        }
        return env;
    }

    private static boolean ready(String base) {
        try {
            HttpResponse<String> r = get(base + "/actuator/health/readiness", null);
            return r.statusCode() == 200 && r.body().contains("\"UP\"");
        } catch (Exception e) {
            return false;
        }
    }

    private static HttpResponse<String> get(String url, String basic) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
        if (basic != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (Exception e) {
            return "(no log)";
        }
    }
}
