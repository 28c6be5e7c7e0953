package com.sartiq.hub.localstack;

import com.sartiq.hub.backend.app.BackendHubApplication;
import com.sartiq.hub.compute.app.ComputeHubApplication;
import com.sartiq.hub.testsupport.HubSecrets;
import com.sartiq.hub.testsupport.HubStack;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Both hubs in one process over a {@link HubStack}: what {@code ./hub up} runs on embedded services,
 * and what the end-to-end tests run on the shared test stack.
 */
public final class LocalStack implements AutoCloseable {

    private final HubStack stack;
    private final ConfigurableApplicationContext compute;
    private final ConfigurableApplicationContext backend;
    private final int backendPort;
    private final int computePort;

    private LocalStack(HubStack stack, ConfigurableApplicationContext compute, ConfigurableApplicationContext backend,
                       int backendPort, int computePort) {
        this.stack = stack;
        this.compute = compute;
        this.backend = backend;
        this.backendPort = backendPort;
        this.computePort = computePort;
    }

    /** Starts compute-hub (the roles with work today; workflow advances workflows on task events; beat reaps the leases of lost workers) and backend-hub; extra arguments go to both. */
    public static LocalStack start(HubStack stack, int backendPort, int computePort, List<String> extraArgs) {
        List<String> computeArgs = new ArrayList<>(stack.computeArgs(computePort, "api,fal,inference,llm,cpu,workflow,events,beat"));
        computeArgs.addAll(extraArgs);
        ConfigurableApplicationContext compute = ComputeHubApplication.application().run(computeArgs.toArray(String[]::new));
        List<String> backendArgs = new ArrayList<>(stack.backendArgs(backendPort, computePort));
        backendArgs.addAll(extraArgs);
        ConfigurableApplicationContext backend = BackendHubApplication.application().run(backendArgs.toArray(String[]::new));
        return new LocalStack(stack, compute, backend, backendPort, computePort);
    }

    public String backendUrl() {
        return "http://127.0.0.1:" + backendPort;
    }

    public String computeUrl() {
        return "http://127.0.0.1:" + computePort;
    }

    public HubStack stack() {
        return stack;
    }

    public ConfigurableApplicationContext backend() {
        return backend;
    }

    public ConfigurableApplicationContext compute() {
        return compute;
    }

    @Override
    public void close() {
        backend.close();
        compute.close();
    }

    public static void main(String[] args) throws InterruptedException {
        long started = System.nanoTime();
        Path dataDir = Path.of(System.getenv().getOrDefault("HUB_LOCAL_DATA", ".local-stack")).toAbsolutePath();
        HubStack stack = HubStack.local(dataDir);
        int backendPort = Integer.parseInt(System.getenv().getOrDefault("HUB_BACKEND_PORT", "8000"));
        int computePort = Integer.parseInt(System.getenv().getOrDefault("HUB_COMPUTE_PORT", "9000"));
        LocalStack local = start(stack, backendPort, computePort, List.of(args));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            local.close();
            stack.close();
        }, "local-stack-shutdown"));
        HubSecrets secrets = stack.secrets();
        System.out.printf("""

                ==================================================================
                 Sartiq Hub local stack is up (%.1f s)
                   backend-hub  %s/api/v1        docs %s/docs
                   compute-hub  %s/api/v1        docs %s/docs
                   health       %s/actuator/health  %s/actuator/health
                   metrics      /actuator/prometheus   Camel console /actuator/camel
                   S3 (local)   %s   bucket %s
                   fal simulator %s
                   data         %s
                 Demo login     %s / %s
                 Compute API key %s
                 Ctrl-C stops everything.
                ==================================================================
                %n""",
                (System.nanoTime() - started) / 1e9,
                local.backendUrl(), local.backendUrl(), local.computeUrl(), local.computeUrl(),
                local.backendUrl(), local.computeUrl(), stack.s3().endpoint(), HubStack.BUCKET, stack.simulator().baseUrl(), dataDir,
                secrets.firstSuperuser(), secrets.firstSuperuserPassword(), secrets.computeApiKey());
        Thread.currentThread().join();
    }
}
