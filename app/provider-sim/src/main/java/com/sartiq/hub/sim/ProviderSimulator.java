package com.sartiq.hub.sim;

import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A deterministic stand-in for fal.ai's queue API ({@code queue.fal.run}) and its media CDN, on the JDK's
 * HTTP server. Requests complete after a configured latency measured from submit; images are rendered from
 * the prompt and seed, so equal inputs give equal bytes.
 */
public final class ProviderSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderSimulator.class);
    private static final int THREADS = 64;
    // Bursts of concurrent submits from tests would otherwise overflow the OS default backlog (50).
    private static final int BACKLOG = 1024;

    private final HttpServer server;
    private final ExecutorService executor;
    private final RequestRegistry registry;
    private final String baseUrl;

    private ProviderSimulator(HttpServer server, ExecutorService executor, RequestRegistry registry, String baseUrl) {
        this.server = server;
        this.executor = executor;
        this.registry = registry;
        this.baseUrl = baseUrl;
    }

    /** Binds and starts; the simulator answers as soon as this returns. */
    public static ProviderSimulator start(SimulatorConfig config) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(config.host(), config.port()), BACKLOG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind provider simulator to " + config.host() + ":" + config.port(), e);
        }
        int port = server.getAddress().getPort();
        String baseUrl = config.publicBaseUrl().orElse("http://" + hostForUrl(config.host()) + ":" + port);
        RequestRegistry registry = new RequestRegistry(config.latencyMillis(), config.retentionMillis());
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, daemonThreads());
        server.setExecutor(executor);
        server.createContext("/", new FalQueueHandler(registry, baseUrl, config.falKey()));
        server.createContext(ImageFileHandler.PREFIX, new ImageFileHandler(registry));
        server.start();
        LOG.info("provider simulator listening on {} (latency {} ms)", baseUrl, config.latencyMillis());
        return new ProviderSimulator(server, executor, registry, baseUrl);
    }

    public String baseUrl() {
        return baseUrl;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public int submissionCount() {
        return registry.submissionCount();
    }

    /** Submits to {@code owner/alias} (all its sub-paths together) or to one {@code owner/alias/sub/path}. */
    public int submissionCount(String appId) {
        return registry.submissionCount(appId);
    }

    /** Highest number of requests ever simultaneously submitted and neither completed nor cancelled. */
    public int peakInFlight() {
        return registry.peakInFlight();
    }

    /** Requests submitted and neither completed nor cancelled right now. */
    public int inFlight() {
        return registry.inFlight();
    }

    /** Applies to requests submitted from now on; earlier ones keep the timeline they were given. */
    public void setLatencyMillis(long millis) {
        registry.setLatencyMillis(millis);
    }

    /** Forgets every request and zeroes the counters and the peak; the latency stays. */
    public void reset() {
        registry.reset();
    }

    /** For tests in this package: what the simulator remembers about a request. */
    Optional<SimRequest> request(String requestId) {
        return registry.find(requestId);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** Standalone: {@code --port=N --fal-key=K --latency-ms=N [--host=H] [--public-base-url=U]}. */
    public static void main(String[] args) throws InterruptedException {
        SimulatorConfig config = SimulatorConfig.defaults();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            String value = eq < 0 ? "" : arg.substring(eq + 1);
            switch (name) {
                case "--port" -> config = config.withPort(Integer.parseInt(value));
                case "--fal-key" -> config = config.withFalKey(value);
                case "--latency-ms" -> config = config.withLatencyMillis(Long.parseLong(value));
                case "--host" -> config = config.withHost(value);
                case "--public-base-url" -> config = config.withPublicBaseUrl(value);
                default -> {
                    System.err.println("unknown option " + arg + "; usage: --port=N --fal-key=K --latency-ms=N"
                            + " [--host=H] [--public-base-url=URL]");
                    System.exit(2);
                }
            }
        }
        ProviderSimulator simulator = start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "provider-sim-shutdown"));
        System.out.println(simulator.baseUrl());
        System.out.flush();
        new CountDownLatch(1).await();
    }

    private static String hostForUrl(String host) {
        if (host.equals("0.0.0.0") || host.equals("::")) {
            return "127.0.0.1";
        }
        return host.contains(":") ? "[" + host + "]" : host;
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "provider-sim-" + counter.incrementAndGet());
            // A handler stuck mid-response must not hold the JVM open once close() has run.
            thread.setDaemon(true);
            return thread;
        };
    }
}
