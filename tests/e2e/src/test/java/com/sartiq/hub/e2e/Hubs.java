package com.sartiq.hub.e2e;

import com.sartiq.hub.backend.app.BackendHubApplication;
import com.sartiq.hub.localstack.LocalStack;
import com.sartiq.hub.testsupport.HubStack;
import com.sartiq.hub.testsupport.Ports;
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
    static final List<String> ARGS = List.of(
            "--hub.providers.fal.poll-interval-ms=200",
            "--hub.workers.fal.poll-interval-ms=100",
            "--hub.workers.cpu.poll-interval-ms=100",
            "--hub.workers.cpu.retry-delay-seconds=1",
            "--hub.events.relay-interval-ms=100",
            "--hub.fetch.read-timeout-ms=5000",
            // backend job queue (shootings export, clean-ups): quick polls and retries, room for a retry drill
            "--hub.jobs.poll-interval-ms=200",
            "--hub.jobs.retry-delay-seconds=1",
            "--hub.jobs.max-attempts=5",
            // AI providers (issue 5): quick fallback polls, short timeouts and breakers that react within a test
            "--hub.providers.fal.fallback-poll-seconds=2",
            "--hub.providers.fal.ambiguous-wait-seconds=120",
            "--hub.providers.fal.training-poll-seconds=1",
            "--hub.workers.fal-training.poll-interval-ms=100",
            "--hub.workers.inference.poll-interval-ms=100",
            "--hub.workers.inference.retry-delay-seconds=1",
            "--hub.providers.fal-sync.response-timeout-ms=3000",
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
            stack.closeFirst(running);
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
            // two backend CamelContexts in one JVM (one each per VM in production) must not share the clustered
            // scheduler: its jobs run in the first instance only
            args.addAll(List.of("--spring.quartz.auto-startup=false", "--camel.component.quartz.auto-start-scheduler=false"));
            secondBackend = BackendHubApplication.application().run(args.toArray(String[]::new));
            hubs.stack().closeFirst(secondBackend::close);
        }
        return "http://127.0.0.1:" + secondBackendPort;
    }
}
