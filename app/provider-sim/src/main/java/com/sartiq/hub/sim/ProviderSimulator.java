package com.sartiq.hub.sim;

import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
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
    private final Faults faults;
    private final WebhookSender webhooks;
    private final LlmAnswers llmAnswers;
    private final LlmHandler llm;
    private final FalQueueHandler fal;

    private ProviderSimulator(HttpServer server, ExecutorService executor, RequestRegistry registry, String baseUrl,
                              Faults faults, WebhookSender webhooks, LlmAnswers llmAnswers, LlmHandler llm, FalQueueHandler fal) {
        this.server = server;
        this.executor = executor;
        this.registry = registry;
        this.baseUrl = baseUrl;
        this.faults = faults;
        this.webhooks = webhooks;
        this.llmAnswers = llmAnswers;
        this.llm = llm;
        this.fal = fal;
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
        Faults faults = new Faults();
        WebhookSender webhooks = new WebhookSender(faults);
        LlmAnswers llmAnswers = new LlmAnswers();
        LlmHandler llm = new LlmHandler(config.llmKey(), faults, llmAnswers, config.llmLatencyMillis());
        FalQueueHandler fal = new FalQueueHandler(registry, baseUrl, config.falKey(), faults, webhooks);
        server.createContext("/", fal);
        server.createContext(FalRunHandler.PREFIX, new FalRunHandler(registry, baseUrl, faults, fal));
        server.createContext(ImageFileHandler.PREFIX, new ImageFileHandler(registry));
        server.createContext("/v1/", llm);
        server.createContext("/v1beta/", llm);
        ProviderSimulator simulator = new ProviderSimulator(server, executor, registry, baseUrl, faults, webhooks, llmAnswers, llm, fal);
        ControlHandler control = new ControlHandler(simulator);
        server.createContext("/.well-known/", control);
        server.createContext("/_sim/", control);
        server.start();
        LOG.info("provider simulator listening on {} (latency {} ms)", baseUrl, config.latencyMillis());
        return simulator;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Where the hub expects {@code https://fal.run}: fal's synchronous endpoint. */
    public String runBaseUrl() {
        return baseUrl + "/run";
    }

    /** How long a LoRA training (a submit whose input has {@code images_data_url}) runs; later submits only. Default 3 s. */
    public void setTrainingMillis(long millis) {
        fal.setTrainingMillis(millis);
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

    /** Forgets every request and scripted LLM answer and zeroes the counters and the peak; the latency stays. */
    public void reset() {
        registry.reset();
        llm.reset();
    }

    /** Fault injection: what the next requests to each endpoint suffer. */
    public Faults faults() {
        return faults;
    }

    /** Scripted LLM answers: what the next calls whose prompt contains a given text are answered. */
    public LlmAnswers llmAnswers() {
        return llmAnswers;
    }

    /** fal JWKS URL whose key signs this simulator's webhooks. */
    public String jwksUrl() {
        return baseUrl + "/.well-known/jwks.json";
    }

    /** A genuine fal webhook signature, for tests that replay or tamper with deliveries. */
    public String signWebhook(String requestId, String timestamp, byte[] body) {
        return webhooks.sign(requestId, timestamp, body);
    }

    public String webhookUserId() {
        return WebhookSender.USER_ID;
    }

    public int webhooksDelivered() {
        return webhooks.delivered();
    }

    /** Submissions per key: the {@code Idempotency-Key} header, else the submit's {@code fal_webhook} URL. */
    public Map<String, Integer> submissionsByKey() {
        return registry.submissionsByKey();
    }

    public int maxSubmissionsPerKey() {
        return registry.submissionsByKey().values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /** Calls to {@code openai}, {@code anthropic} or {@code gemini}, answered or not. */
    public int llmCalls(String provider) {
        return llm.calls(provider);
    }

    /** When each call to the provider arrived (epoch ms), to check retries were spaced as asked. */
    public List<Long> llmCallTimes(String provider) {
        return llm.callTimes(provider);
    }

    /** LLM calls per provider and {@code Idempotency-Key} ({@code provider:key}). */
    public Map<String, Integer> llmCallsByKey() {
        return llm.callsByKey();
    }

    public void setLlmLatencyMillis(long millis) {
        llm.setLatencyMillis(millis);
    }

    WebhookSender webhooks() {
        return webhooks;
    }

    /** For tests in this package: what the simulator remembers about a request. */
    Optional<SimRequest> request(String requestId) {
        return registry.find(requestId);
    }

    @Override
    public void close() {
        server.stop(0);
        webhooks.close();
        executor.shutdownNow();
    }

    /** Standalone: {@code --port=N --fal-key=K --latency-ms=N [--host=H] [--public-base-url=U] [--llm-key=K] [--fault=T@P@F]}. */
    public static void main(String[] args) throws InterruptedException {
        SimulatorConfig config = SimulatorConfig.defaults();
        List<String> faultArgs = new java.util.ArrayList<>();
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
                case "--llm-key" -> config = config.withLlmKey(value);
                case "--llm-latency-ms" -> config = config.withLlmLatencyMillis(Long.parseLong(value));
                case "--fault" -> faultArgs.add(value);
                default -> {
                    System.err.println("unknown option " + arg + "; usage: --port=N --fal-key=K --latency-ms=N"
                            + " [--host=H] [--public-base-url=URL] [--llm-key=K] [--llm-latency-ms=N]"
                            + " [--fault=TARGET@PROBABILITY@FAULT, e.g. openai@0.1@status:503]");
                    System.exit(2);
                }
            }
        }
        ProviderSimulator simulator = start(config);
        for (String fault : faultArgs) {
            String[] parts = fault.split("@", 3);
            simulator.faults().always(parts[0], Fault.parse(parts[2]), Double.parseDouble(parts[1]));
        }
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
