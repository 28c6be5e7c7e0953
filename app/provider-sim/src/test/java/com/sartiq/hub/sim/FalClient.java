package com.sartiq.hub.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

/** A bare HTTP client for the tests, speaking to the simulator the way the hub will. */
final class FalClient {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String baseUrl;
    private final String authorization;

    FalClient(ProviderSimulator simulator, String falKey) {
        this(simulator.baseUrl(), falKey == null ? null : "Key " + falKey);
    }

    FalClient(String baseUrl, String authorization) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
    }

    HttpResponse<byte[]> submit(String modelPath, String body) {
        return send(request(baseUrl + "/" + modelPath).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json"));
    }

    JsonNode submitOk(String modelPath, String body) {
        HttpResponse<byte[]> response = submit(modelPath, body);
        if (response.statusCode() != 200) {
            throw new AssertionError("submit answered " + response.statusCode() + ": " + new String(response.body()));
        }
        return json(response);
    }

    HttpResponse<byte[]> get(String url) {
        return send(request(url).GET());
    }

    HttpResponse<byte[]> put(String url) {
        return send(request(url).PUT(HttpRequest.BodyPublishers.noBody()));
    }

    JsonNode status(JsonNode submitted) {
        return json(get(submitted.get("status_url").asText()));
    }

    /** Polls the status URL until the predicate holds; fails after the timeout. */
    JsonNode awaitStatus(JsonNode submitted, Predicate<JsonNode> done, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode status = status(submitted);
            if (done.test(status)) {
                return status;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("status still " + status + " after " + timeout);
            }
            Thread.sleep(20);
        }
    }

    JsonNode awaitCompleted(JsonNode submitted) throws InterruptedException {
        return awaitStatus(submitted, s -> s.get("status").asText().equals("COMPLETED"), Duration.ofSeconds(10));
    }

    static JsonNode json(HttpResponse<byte[]> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + new String(response.body()), e);
        }
    }

    private HttpRequest.Builder request(String url) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder builder) {
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
