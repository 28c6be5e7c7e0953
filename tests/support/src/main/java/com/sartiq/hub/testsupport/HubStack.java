package com.sartiq.hub.testsupport;

import com.sartiq.hub.sim.ProviderSimulator;
import com.sartiq.hub.sim.SimulatorConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;

/**
 * Everything the hubs need around them, real and on this machine: PostgreSQL, Redis, an S3 server
 * and the provider simulator. Tests share one per JVM ({@link #shared()}); the local stack starts
 * its own embedded one ({@link #local(Path)}). It also knows how to point each hub at it.
 */
public final class HubStack implements AutoCloseable {

    public static final String BUCKET = "sartiq";

    private static HubStack shared;

    private final PostgresService postgres;
    private final RedisService redis;
    private final S3Service s3;
    private final ProviderSimulator simulator;
    private final MailService mail = MailService.start();
    private final HubSecrets secrets;
    private final String backendJdbcUrl;
    private final String computeJdbcUrl;
    private final String redisPrefix;

    private HubStack(PostgresService postgres, RedisService redis, S3Service s3, ProviderSimulator simulator, HubSecrets secrets,
                     String backendJdbcUrl, String computeJdbcUrl, String redisPrefix) {
        this.postgres = postgres;
        this.redis = redis;
        this.s3 = s3;
        this.simulator = simulator;
        this.secrets = secrets;
        this.backendJdbcUrl = backendJdbcUrl;
        this.computeJdbcUrl = computeJdbcUrl;
        this.redisPrefix = redisPrefix;
    }

    private final Deque<AutoCloseable> users = new ArrayDeque<>();

    /** One stack per test JVM, on the machine's PostgreSQL/Redis when they answer, with private names. */
    public static synchronized HubStack shared() {
        if (shared == null) {
            String run = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
            PostgresService postgres = PostgresService.findOrStart();
            RedisService redis = RedisService.findOrStart();
            HubSecrets secrets = HubSecrets.fromEnvironmentOrDemo();
            HubStack stack = new HubStack(postgres, redis, S3Service.start(tempDir("hub-s3-")),
                    ProviderSimulator.start(SimulatorConfig.defaults().withFalKey(secrets.falKey()).withLatencyMillis(300)),
                    secrets,
                    postgres.database("hub_" + run + "_backend", true), postgres.database("hub_" + run + "_compute", true),
                    redis.prefix("hubtest-" + run + ":"));
            stack.s3.createBucket(BUCKET);
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "hub-stack-shutdown"));
            shared = stack;
        }
        return shared;
    }

    /** Embedded services only, data kept under {@code dataDir} between runs. */
    public static HubStack local(Path dataDir) {
        PostgresService postgres = PostgresService.embedded(dataDir.resolve("postgres"));
        RedisService redis = RedisService.embedded();
        S3Service s3 = S3Service.start(dataDir.resolve("s3"), Ports.sticky(dataDir.resolve("s3.port")));
        s3.createBucket(BUCKET);
        HubSecrets secrets = HubSecrets.fromEnvironmentOrDemo();
        ProviderSimulator simulator = ProviderSimulator.start(SimulatorConfig.defaults().withFalKey(secrets.falKey())
                .withLatencyMillis(Long.parseLong(PostgresService.env("HUB_SIM_LATENCY_MS", "2000"))));
        return new HubStack(postgres, redis, s3, simulator, secrets, postgres.database("backend", false),
                postgres.database("compute", false), "");
    }

    /** Command-line arguments (highest precedence) pointing compute-hub at this stack. */
    public List<String> computeArgs(int port, String roles) {
        List<String> args = common(port, computeJdbcUrl, redisPrefix + "compute:");
        args.add("--server.port=" + port);
        args.add("--hub.roles=" + roles);
        args.add("--hub.compute.api-keys=" + secrets.computeApiKey());
        args.add("--hub.events.webhook-secret=" + secrets.webhookSecret());
        args.add("--hub.fetch.allow-private-addresses=true");
        args.add("--hub.matting.demo-model=true");
        args.add("--hub.providers.fal.base-url=" + simulator.baseUrl());
        args.add("--hub.providers.fal.key=" + secrets.falKey());
        args.add("--hub.providers.fal.jwks-url=" + simulator.jwksUrl());
        args.add("--hub.providers.fal.webhook-url=http://127.0.0.1:" + port + "/api/v1/webhooks/fal");
        args.add("--hub.providers.fal-sync.base-url=" + simulator.runBaseUrl());
        args.add("--hub.providers.fal-sync.key=" + secrets.falKey());
        for (String llm : List.of("openai", "anthropic", "gemini")) {
            args.add("--hub.providers." + llm + ".base-url=" + simulator.baseUrl());
            args.add("--hub.providers." + llm + ".key=" + SimulatorConfig.defaults().llmKey());
        }
        return args;
    }

    /** Command-line arguments pointing backend-hub at this stack and at a compute-hub on {@code computePort}. */
    public List<String> backendArgs(int port, int computePort) {
        List<String> args = common(port, backendJdbcUrl, redisPrefix + "backend:");
        args.add("--server.port=" + port);
        args.add("--hub.security.jwt-secret=" + secrets.jwtSecret());
        args.add("--hub.security.first-superuser=" + secrets.firstSuperuser());
        args.add("--hub.security.first-superuser-password=" + secrets.firstSuperuserPassword());
        args.add("--hub.compute.base-url=http://127.0.0.1:" + computePort);
        args.add("--hub.compute.api-key=" + secrets.computeApiKey());
        args.add("--hub.compute.webhook-url=http://127.0.0.1:" + port + "/api/v1/tasks/webhook");
        args.add("--hub.compute.webhook-secret=" + secrets.webhookSecret());
        args.add("--hub.compute.redis-url=" + redis.url());
        args.add("--hub.compute.events-channel=" + computeEventsChannel());
        args.add("--hub.mail.host=127.0.0.1");
        args.add("--hub.mail.port=" + mail.port());
        args.add("--hub.mail.starttls=false");
        return args;
    }

    private List<String> common(int port, String jdbcUrl, String keyPrefix) {
        List<String> args = new ArrayList<>();
        args.add("--spring.datasource.url=" + jdbcUrl);
        args.add("--spring.datasource.username=" + postgres.user());
        args.add("--spring.datasource.password=" + postgres.password());
        args.add("--spring.data.redis.url=" + redis.url());
        args.add("--hub.redis.key-prefix=" + keyPrefix);
        args.add("--hub.storage.endpoint=" + s3.endpoint());
        args.add("--hub.storage.region=us-east-1");
        args.add("--hub.storage.bucket=" + BUCKET);
        args.add("--hub.storage.access-key=" + S3Service.ACCESS_KEY);
        args.add("--hub.storage.secret-key=" + S3Service.SECRET_KEY);
        args.add("--hub.storage.cdn-base-url=" + s3.publicBaseUrl(BUCKET));
        return args;
    }

    /** The Redis channel compute publishes task events on (and the backend follows). */
    public String computeEventsChannel() {
        return redisPrefix + "compute:task-events";
    }

    public PostgresService postgres() {
        return postgres;
    }

    public RedisService redis() {
        return redis;
    }

    public S3Service s3() {
        return s3;
    }

    public ProviderSimulator simulator() {
        return simulator;
    }

    /** The SMTP sink the backend mails to. */
    public MailService mail() {
        return mail;
    }

    public HubSecrets secrets() {
        return secrets;
    }

    /**
     * Something running on this stack (hubs) that the JVM's shutdown must stop before the services go: shutdown
     * hooks run concurrently, and hubs stopping against a closed database or Redis wait out every timeout.
     */
    public synchronized void closeFirst(AutoCloseable user) {
        users.push(user);
    }

    @Override
    public synchronized void close() {
        while (!users.isEmpty()) {
            try {
                users.pop().close();
            } catch (Exception e) {
                System.err.println("closing " + e.getMessage());
            }
        }
        simulator.close();
        mail.close();
        s3.close();
        redis.close();
        postgres.close();
    }

    private static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
