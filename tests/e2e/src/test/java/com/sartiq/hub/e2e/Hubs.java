package com.sartiq.hub.e2e;

import com.sartiq.hub.localstack.LocalStack;
import com.sartiq.hub.testsupport.HubStack;
import com.sartiq.hub.testsupport.Ports;

import java.util.List;

/** Both hubs, started once for the whole test JVM over the shared stack. */
final class Hubs {

    private static LocalStack running;

    private Hubs() {
    }

    static synchronized LocalStack get() {
        if (running == null) {
            HubStack stack = HubStack.shared();
            running = LocalStack.start(stack, Ports.free(), Ports.free(), List.of(
                    "--hub.providers.fal.poll-interval-ms=200",
                    "--hub.workers.fal.poll-interval-ms=100",
                    "--hub.workers.cpu.poll-interval-ms=100",
                    "--hub.workers.cpu.retry-delay-seconds=1",
                    "--hub.events.relay-interval-ms=100",
                    "--hub.fetch.read-timeout-ms=5000"));
            Runtime.getRuntime().addShutdownHook(new Thread(running::close, "hubs-shutdown"));
        }
        return running;
    }
}
