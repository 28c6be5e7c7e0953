package com.sartiq.hub.compute.matting;

import com.sartiq.hub.compute.tasks.ErrorCategory;
import com.sartiq.hub.compute.tasks.TaskFailedException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fetcher against a real HTTP server on loopback; "private" is redefined per test where loopback must pass. */
class ImageFetcherTest {

    private static final byte[] IMAGE = new byte[5000];
    private static HttpServer server;
    private static String base;

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/image.png", e -> answer(e, 200, IMAGE, -1));
        server.createContext("/big-declared", e -> answer(e, 200, new byte[20_000], -1));
        server.createContext("/big-chunked", e -> answer(e, 200, new byte[20_000], 0));
        server.createContext("/missing", e -> answer(e, 404, new byte[0], -1));
        server.createContext("/broken", e -> answer(e, 503, new byte[0], -1));
        server.createContext("/to-image", e -> redirect(e, "/image.png"));
        server.createContext("/loop", e -> redirect(e, "/loop"));
        server.createContext("/to-other-loopback", e -> redirect(e, "http://127.0.0.2:" + server.getAddress().getPort() + "/image.png"));
        server.createContext("/slow", e -> {
            try {
                Thread.sleep(4_000);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            answer(e, 200, IMAGE, -1);
        });
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static ImageFetcher open() {
        // loopback allowed except 127.0.0.2, which stands in for a private target
        return new ImageFetcher(new FetchProperties(10_000L, 2_000, 2_000, 2, true),
                address -> address.getHostAddress().equals("127.0.0.2"));
    }

    @Test
    void fetchesAnImageAndFollowsARedirect() throws IOException {
        try (ImageFetcher fetcher = open()) {
            assertArrayEquals(IMAGE, fetcher.fetch(base + "/image.png"));
            assertArrayEquals(IMAGE, fetcher.fetch(base + "/to-image"));
        }
    }

    @Test
    void loopbackIsRefusedByDefault() throws IOException {
        try (ImageFetcher fetcher = new ImageFetcher(new FetchProperties(null, null, null, null, false))) {
            TaskFailedException e = assertThrows(TaskFailedException.class, () -> fetcher.fetch(base + "/image.png"));
            assertEquals(ErrorCategory.INVALID_INPUT, e.category());
            assertTrue(e.getMessage().contains("private address"), e.getMessage());
            assertThrows(TaskFailedException.class, () -> fetcher.fetch("http://169.254.169.254/latest/meta-data/"));
        }
    }

    @Test
    void aRedirectIsCheckedLikeTheFirstUrl() throws IOException {
        try (ImageFetcher fetcher = open()) {
            TaskFailedException e = assertThrows(TaskFailedException.class, () -> fetcher.fetch(base + "/to-other-loopback"));
            assertTrue(e.getMessage().contains("private address"), e.getMessage());
            TaskFailedException loop = assertThrows(TaskFailedException.class, () -> fetcher.fetch(base + "/loop"));
            assertTrue(loop.getMessage().contains("redirected more than 2 times"), loop.getMessage());
        }
    }

    @Test
    void bodiesOverTheLimitAreRefusedDeclaredOrNot() throws IOException {
        try (ImageFetcher fetcher = open()) {
            for (String path : new String[] {"/big-declared", "/big-chunked"}) {
                TaskFailedException e = assertThrows(TaskFailedException.class, () -> fetcher.fetch(base + path));
                assertTrue(e.getMessage().contains("larger than 10000 bytes"), path + ": " + e.getMessage());
                assertFalse(e.retryable());
            }
        }
    }

    @Test
    void answersSayWhetherARetryMayHelp() throws IOException {
        try (ImageFetcher fetcher = open()) {
            TaskFailedException missing = assertThrows(TaskFailedException.class, () -> fetcher.fetch(base + "/missing"));
            assertEquals(ErrorCategory.INVALID_INPUT, missing.category());
            assertFalse(missing.retryable());
            TaskFailedException broken = assertThrows(TaskFailedException.class, () -> fetcher.fetch(base + "/broken"));
            assertEquals(ErrorCategory.NETWORK, broken.category());
            assertTrue(broken.retryable());
            TaskFailedException slow = assertThrows(TaskFailedException.class, () -> fetcher.fetch(base + "/slow"));
            assertEquals(ErrorCategory.TIMEOUT, slow.category(), slow.getMessage());
            assertTrue(slow.retryable());
        }
    }

    @Test
    void onlyHttpUrlsAreFetched() throws IOException {
        try (ImageFetcher fetcher = open()) {
            for (String url : new String[] {"file:///etc/passwd", "ftp://example.com/a.png", "http:///nohost", "not a url"}) {
                TaskFailedException e = assertThrows(TaskFailedException.class, () -> fetcher.fetch(url));
                assertEquals(ErrorCategory.INVALID_INPUT, e.category(), url);
            }
        }
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    /** @param length -1 for no body, 0 for chunked, otherwise declared */
    private static void answer(HttpExchange exchange, int status, byte[] body, int length) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : length == 0 ? 0 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }
}
