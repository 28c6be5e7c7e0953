package com.sartiq.hub.e2e;

import com.sartiq.hub.localstack.LocalStack;
import com.sartiq.hub.testsupport.HubStack;
import com.sartiq.hub.testsupport.Ports;

import com.sartiq.hub.backend.app.BackendHubApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** Both hubs, started once for the whole test JVM over the shared stack. */
final class Hubs {

    private static LocalStack running;
    private static ConfigurableApplicationContext secondBackend;
    private static int secondBackendPort;

    /** Arguments of every hub the tests start. */
    private static final List<String> ARGS = List.of(
                    "--hub.providers.fal.poll-interval-ms=200",
                    "--hub.workers.fal.poll-interval-ms=100",
                    "--hub.workers.cpu.poll-interval-ms=100",
                    "--hub.workers.cpu.retry-delay-seconds=1",
                    "--hub.events.relay-interval-ms=100",
                    "--hub.fetch.read-timeout-ms=5000",
                    // AI providers (issue 5): quick fallback polls, short timeouts and breakers that react within a test
                    "--hub.providers.fal.fallback-poll-seconds=2",
                    "--hub.providers.fal.ambiguous-wait-seconds=120",
                    "--hub.workers.llm.poll-interval-ms=100",
                    "--hub.workers.llm.retry-delay-seconds=1",
                    "--hub.provider-state.sync-interval-ms=300",
                    "--hub.providers.anthropic.retry-base-ms=50",
                    "--hub.providers.anthropic.minimum-calls=4",
                    "--hub.providers.anthropic.open-seconds=3",
                    "--hub.providers.openai.retry-base-ms=50",
                    "--hub.providers.gemini.retry-base-ms=50",
                    // generations: the reconciliation job looks every second at predictions quiet for 5 s
                    "--hub.compute.reconcile-cron=0/1 * * * * ?",
                    "--hub.compute.reconcile-after-seconds=5");

    private Hubs() {
    }

    static synchronized LocalStack get() {
        if (running == null) {
            HubStack stack = HubStack.shared();
            running = LocalStack.start(stack, Ports.free(), Ports.free(), ARGS);
            Runtime.getRuntime().addShutdownHook(new Thread(running::close, "hubs-shutdown"));
        }
        return running;
    }

    /** A second backend-hub instance over the same database and Redis (started on first use): a scaled-out backend. */
    static synchronized String secondBackendUrl() {
        if (secondBackend == null) {
            LocalStack hubs = get();
            secondBackendPort = Ports.free();
            List<String> args = new ArrayList<>(hubs.stack().backendArgs(secondBackendPort, URI.create(hubs.computeUrl()).getPort()));
            args.addAll(ARGS);
            secondBackend = BackendHubApplication.application().run(args.toArray(String[]::new));
            Runtime.getRuntime().addShutdownHook(new Thread(secondBackend::close, "second-backend-shutdown"));
        }
        return "http://127.0.0.1:" + secondBackendPort;
    }
}
