import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load driver of tests/bench/queue.sh: submits N tasks over the compute API with C concurrent clients
 * and waits until the queue has completed them all (read from /api/v1/monitoring/stats).
 * Usage: java QueueBench.java <base-url> <api-key> <tasks> <clients>; prints "submit_s total_s".
 */
public class QueueBench {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String key = args[1];
        int tasks = Integer.parseInt(args[2]);
        int clients = Integer.parseInt(args[3]);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long completedBefore = completed(http, base, key);
        AtomicInteger failures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        for (int i = 0; i < tasks; i++) {
            int n = i;
            pool.submit(() -> {
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tasks/"))
                            .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"task_type\":\"BACKGROUND_REMOVE\",\"image_url\":\"https://bench.invalid/" + n + ".png\"}"))
                            .build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 201) {
                        failures.incrementAndGet();
                    }
                } catch (Exception e) {
                    failures.incrementAndGet();
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        long submitted = System.nanoTime();
        while (completed(http, base, key) - completedBefore < tasks - failures.get()) {
            Thread.sleep(20);
        }
        long done = System.nanoTime();
        if (failures.get() > 0) {
            System.err.println(failures.get() + " submissions failed");
        }
        System.out.printf("%.3f %.3f%n", (submitted - start) / 1e9, (done - start) / 1e9);
    }

    private static long completed(HttpClient http, String base, String key) throws Exception {
        String body = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/monitoring/stats")).header("Authorization", "Bearer " + key).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("\"completed\":(\\d+)").matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no completed count in " + body);
        }
        return Long.parseLong(m.group(1));
    }
}
