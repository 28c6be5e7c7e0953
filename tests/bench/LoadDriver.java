import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop HTTP load driver (JDK only, run as {@code java LoadDriver.java}): {@code clients} threads
 * each send GET requests back to back for {@code seconds} after a warm-up, and the run prints req/s and
 * latency percentiles of the measured part. Any non-200 answer counts as an error.
 * Usage: java LoadDriver.java <url> <bearer token> <clients> <warmup seconds> <seconds>
 */
public class LoadDriver {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String token = args[1];
        int clients = Integer.parseInt(args[2]);
        int warmup = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30)).GET().build();
        long warmEnd = System.nanoTime() + warmup * 1_000_000_000L;
        long end = warmEnd + seconds * 1_000_000_000L;
        List<List<Long>> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong errors = new AtomicLong();
        java.util.concurrent.atomic.AtomicReference<String> lastError = new java.util.concurrent.atomic.AtomicReference<>("none");
        CountDownLatch done = new CountDownLatch(clients);
        for (int i = 0; i < clients; i++) {
            new Thread(() -> {
                List<Long> mine = new ArrayList<>();
                try {
                    while (true) {
                        long start = System.nanoTime();
                        if (start >= end) {
                            break;
                        }
                        int status;
                        try {
                            status = http.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode();
                        } catch (java.io.IOException e) {
                            status = -1;
                            lastError.set(e.toString());
                        }
                        long took = System.nanoTime() - start;
                        if (start >= warmEnd) {
                            if (status == 200) {
                                mine.add(took);
                            } else {
                                errors.incrementAndGet();
                                if (status > 0) {
                                    lastError.set("HTTP " + status);
                                }
                            }
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    latencies.add(mine);
                    done.countDown();
                }
            }).start();
        }
        done.await();
        List<Long> all = new ArrayList<>();
        latencies.forEach(all::addAll);
        Collections.sort(all);
        if (all.isEmpty()) {
            System.out.println("no successful requests; errors " + errors.get() + ", last " + lastError.get());
            System.exit(1);
        }
        System.out.printf("requests %d, errors %d, %.0f req/s, p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                all.size(), errors.get(), all.size() / (double) seconds,
                pct(all, 50), pct(all, 90), pct(all, 99), all.get(all.size() - 1) / 1e6);
        if (errors.get() > 0) {
            System.out.println("last error: " + lastError.get());
        }
    }

    private static double pct(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100 * sorted.size()) - 1)) / 1e6;
    }
}
