package com.sartiq.hub.e2e;

import com.sartiq.hub.localstack.LocalStack;
import com.sartiq.hub.testsupport.Ports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * deployment/Caddyfile as production runs it, only over plain HTTP on a free port (the site addresses
 * come from the same environment variables the compose files set): each host reaches its hub, a
 * WebSocket upgrade passes through, and a 40 MB upload arrives intact while one over the 60 MB cap
 * is refused at the edge. Needs Debian's caddy (installed by .ci/run).
 */
class CaddyEdgeTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static Process caddy;
    private static EchoUpstream webapp;
    private static int port;
    private static Path work;

    @BeforeAll
    static void startCaddy() throws Exception {
        assumeTrue(onPath("caddy"), "caddy is not installed");
        LocalStack hubs = Hubs.get();
        webapp = new EchoUpstream();
        port = Ports.free();
        work = Files.createTempDirectory("caddy-edge-");
        Path deployment = DeploymentFiles.root();
        Files.copy(deployment.resolve("Caddyfile"), work.resolve("Caddyfile"));
        Files.createDirectories(work.resolve("sites-enabled"));
        Files.copy(deployment.resolve("caddy/webapp.caddy"), work.resolve("sites-enabled/webapp.caddy"));
        ProcessBuilder builder = new ProcessBuilder("caddy", "run", "--config", "Caddyfile", "--adapter", "caddyfile")
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(work.resolve("caddy.log").toFile());
        Map<String, String> env = builder.environment();
        env.put("HOME", work.toString());
        env.put("XDG_DATA_HOME", work.resolve("data").toString());
        env.put("XDG_CONFIG_HOME", work.resolve("config").toString());
        env.put("CADDY_ADMIN", "off");
        env.put("CADDY_HTTP_PORT", Integer.toString(port));
        env.put("CADDY_HTTPS_PORT", Integer.toString(Ports.free()));
        env.put("API_HOSTS", "http://api.sartiq.com:" + port + ", http://staging-api.sartiq.com:" + port);
        env.put("COMPUTE_HOSTS", "http://compute-api.sartiq.com:" + port);
        env.put("APP_HOSTS", "http://staging-app.sartiq.com:" + port);
        env.put("BACKEND_UPSTREAM", URI.create(hubs.backendUrl()).getAuthority());
        env.put("COMPUTE_UPSTREAM", URI.create(hubs.computeUrl()).getAuthority());
        env.put("WEBAPP_UPSTREAM", "127.0.0.1:" + webapp.port());
        caddy = builder.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                break;
            } catch (Exception notYet) {
                assertTrue(caddy.isAlive(), "caddy exited: " + log());
                assertTrue(System.nanoTime() < deadline, "caddy did not listen: " + log());
                Thread.sleep(100);
            }
        }
    }

    @AfterAll
    static void stopCaddy() throws Exception {
        if (caddy != null) {
            caddy.destroy();
            caddy.waitFor();
        }
        if (webapp != null) {
            webapp.close();
        }
    }

    @Test
    void eachHostReachesItsOwnHub() throws Exception {
        // the backend's health check is public; on compute every /api path wants the API key
        HttpResponse<String> backend = get("api.sartiq.com", "/api/v1/utils/health-check/");
        assertEquals(200, backend.statusCode(), backend.body());
        assertEquals("true", backend.body());
        assertEquals(200, get("staging-api.sartiq.com", "/api/v1/utils/health-check/").statusCode());
        HttpResponse<String> onCompute = get("compute-api.sartiq.com", "/api/v1/utils/health-check/");
        assertEquals(401, onCompute.statusCode(), onCompute.body());
        HttpResponse<String> computeHealth = get("compute-api.sartiq.com", "/health");
        assertEquals(200, computeHealth.statusCode(), computeHealth.body());
        assertEquals(401, get("api.sartiq.com", "/health").statusCode(), "compute's public /health is not on the backend");
        assertTrue(get("api.sartiq.com", "/api/v1/openapi.json").body().contains("Sartiq Backend Hub"));
        assertTrue(get("compute-api.sartiq.com", "/api/v1/openapi.json").body().contains("Sartiq Compute Hub"));
        // metrics and the Camel console stay inside; health and the Basic-auth ops console pass
        assertEquals(404, get("api.sartiq.com", "/actuator/prometheus").statusCode());
        assertEquals(404, get("compute-api.sartiq.com", "/actuator/camel").statusCode());
        assertEquals(200, get("api.sartiq.com", "/actuator/health/liveness").statusCode());
        assertEquals(403, get("api.sartiq.com", "/actuator/hawtio/").statusCode(), "closed: the test hubs have no ops password");
    }

    @Test
    void aWebSocketUpgradePassesThrough() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            String key = "dGhlIHNhbXBsZSBub25jZQ==";
            out.write(("GET /ws HTTP/1.1\r\nHost: staging-app.sartiq.com\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = EchoUpstream.line(in);
            Map<String, String> headers = EchoUpstream.headers(in);
            assertTrue(status.startsWith("HTTP/1.1 101"), status + " " + headers);
            assertEquals(EchoUpstream.accept(key), headers.get("sec-websocket-accept"));
            EchoUpstream.writeFrame(out, "generation 42 progress", true);
            assertEquals("echo: generation 42 progress", EchoUpstream.readFrame(in));
        }
    }

    @Test
    void aLargeUploadArrivesIntactAndOneOverTheCapIsRefusedAtTheEdge() throws Exception {
        byte[] body = new byte[40 * 1024 * 1024];
        new Random(7).nextBytes(body);
        HttpResponse<String> upload = CLIENT.send(request("staging-app.sartiq.com", "/upload")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, upload.statusCode(), upload.body());
        assertTrue(upload.body().contains("\"bytes\":" + body.length), upload.body());
        assertTrue(upload.body().contains(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body))), upload.body());

        // declared too large, sent with Expect: 100-continue as curl does for large bodies: the edge answers
        // 413 before any byte of the body (raw socket: JDK 17's HttpClient hangs on a final answer to Expect)
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("POST /api/v1/login/access-token HTTP/1.1\r\nHost: api.sartiq.com\r\n"
                    + "Content-Type: application/octet-stream\r\nContent-Length: 61000000\r\nExpect: 100-continue\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String status = EchoUpstream.line(new BufferedInputStream(socket.getInputStream()));
            assertTrue(status.startsWith("HTTP/1.1 413"), status);
        }
    }

    private static HttpResponse<String> get(String host, String path) throws Exception {
        return CLIENT.send(request(host, path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Caddy routes by Host; the JVM allows setting it because tests/e2e's surefire sets jdk.httpclient.allowRestrictedHeaders=host. */
    private static HttpRequest.Builder request(String host, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Host", host).timeout(Duration.ofSeconds(60));
    }

    private static String log() {
        try {
            return Files.readString(work.resolve("caddy.log"));
        } catch (Exception e) {
            return "(no log)";
        }
    }

    static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
