package com.sartiq.hub.e2e;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A client of the backend's live socket: collects the JSON messages it receives. */
final class LiveClient implements AutoCloseable {

    private final WebSocket socket;
    private final BlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
    final List<JsonNode> received = new CopyOnWriteArrayList<>();

    private LiveClient(String url) {
        StringBuilder text = new StringBuilder();
        socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create(url), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        text.append(data);
                        if (last) {
                            try {
                                JsonNode message = Http.JSON.readTree(text.toString());
                                received.add(message);
                                inbox.add(message);
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                            text.setLength(0);
                        }
                        ws.request(1);
                        return null;
                    }
                }).join();
    }

    /** Connects to {@code <backend>/api/v1/ws} with the given query (e.g. {@code token=...}). */
    static LiveClient connect(String backendUrl, String query) {
        return new LiveClient(backendUrl.replaceFirst("^http", "ws") + "/api/v1/ws" + (query == null ? "" : "?" + query));
    }

    void send(String json) {
        socket.sendText(json, true).join();
    }

    /** The next message that matches, skipping others; fails after the timeout. */
    JsonNode await(Duration timeout, Predicate<JsonNode> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                JsonNode next = left <= 0 ? null : inbox.poll(left, TimeUnit.NANOSECONDS);
                if (next == null) {
                    throw new AssertionError("no matching message within " + timeout + "; received " + received);
                }
                if (condition.test(next)) {
                    return next;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Whether no message matches within the time (for what must not arrive). */
    boolean silentFor(Duration time, Predicate<JsonNode> condition) {
        try {
            await(time, condition);
            return false;
        } catch (AssertionError expected) {
            return true;
        }
    }

    static Predicate<JsonNode> about(String generationId) {
        return m -> m.path("payload").path("id").asText().equals(generationId);
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }
}
