package com.sartiq.hub.e2e;

import com.sartiq.hub.localstack.LocalStack;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Generations end to end with an instant provider: {@code hub.bench.generations} generations of one prediction
 * (default 20) posted by {@code hub.bench.clients} concurrent clients (default 8), until every one is completed.
 * Prints the submission rate (201 answers) and the end-to-end completion rate; {@code tests/bench/generations.sh}
 * runs it with a larger count for {@code docs/BENCHMARKS.md}.
 */
class GenerationThroughputTest {

    @Test
    void everyGenerationOfABurstCompletes() throws Exception {
        LocalStack hubs = Hubs.get();
        int total = Integer.getInteger("hub.bench.generations", 20);
        int clients = Integer.getInteger("hub.bench.clients", 8);
        Tenants.User user = Tenants.user(hubs, false);
        hubs.stack().simulator().setLatencyMillis(0);
        List<String> failures = new CopyOnWriteArrayList<>();
        AtomicInteger next = new AtomicInteger();
        try {
            long start = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            for (int c = 0; c < clients; c++) {
                pool.submit(() -> {
                    while (next.getAndIncrement() < total) {
                        Http.Response created = Http.postJson(hubs.backendUrl() + "/api/v1/generations/", user.token(),
                                "{\"prompt\":\"a cotton t-shirt\",\"width\":256,\"height\":256}");
                        if (created.status() != 201) {
                            failures.add(created.status() + " " + created.body());
                        }
                    }
                });
            }
            pool.shutdown();
            assertTrue(pool.awaitTermination(10, TimeUnit.MINUTES));
            double submitted = (System.nanoTime() - start) / 1e9;
            assertTrue(failures.isEmpty(), String.join("\n", failures));

            String completed = hubs.backendUrl() + "/api/v1/generations/?status=completed&limit=1";
            Http.await(completed, user.token(), java.time.Duration.ofMinutes(10), page -> page.get("count").asInt() == total);
            double done = (System.nanoTime() - start) / 1e9;
            System.out.printf("Generations bench: %d generations (batch 1) by %d clients, instant provider: submitted %.1f/s (%.1f s), "
                    + "completed end to end %.1f/s (%.1f s)%n", total, clients, total / submitted, submitted, total / done, done);
            assertEquals(total, Http.get(completed, user.token()).json().get("count").asInt());
        } finally {
            hubs.stack().simulator().setLatencyMillis(300);
        }
    }
}
