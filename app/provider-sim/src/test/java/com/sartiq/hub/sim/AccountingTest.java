package com.sartiq.hub.sim;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

import static org.assertj.core.api.Assertions.assertThat;

/** Submission counters and the in-flight peak, which later suites use to prove the hub's concurrency cap. */
class AccountingTest {

    private static ProviderSimulator simulator;
    private static FalClient fal;
    private static ExecutorService clients;

    @BeforeAll
    static void start() {
        simulator = ProviderSimulator.start(SimulatorConfig.defaults());
        fal = new FalClient(simulator, SimulatorConfig.defaults().falKey());
        clients = Executors.newFixedThreadPool(100);
    }

    @AfterAll
    static void stop() {
        clients.shutdownNow();
        simulator.close();
    }

    @BeforeEach
    void clean() {
        simulator.reset();
    }

    @Test
    void countsSubmissionsPerAppAndPerSubpath() {
        fal.submitOk("fal-ai/flux/dev", "{}");
        fal.submitOk("fal-ai/flux/dev", "{}");
        fal.submitOk("fal-ai/flux/schnell", "{}");
        fal.submitOk("fal-ai/fast-sdxl", "{}");

        assertThat(simulator.submissionCount()).isEqualTo(4);
        assertThat(simulator.submissionCount("fal-ai/flux")).isEqualTo(3);
        assertThat(simulator.submissionCount("fal-ai/flux/dev")).isEqualTo(2);
        assertThat(simulator.submissionCount("fal-ai/fast-sdxl")).isEqualTo(1);
        assertThat(simulator.submissionCount("fal-ai/unused")).isZero();
    }

    @Test
    void peakInFlightCountsConcurrentSubmitsWithinTheLatency() throws Exception {
        simulator.setLatencyMillis(4000);

        submitConcurrently(100);

        assertThat(simulator.submissionCount()).isEqualTo(100);
        assertThat(simulator.peakInFlight()).isEqualTo(100);
        assertThat(simulator.inFlight()).isEqualTo(100);
    }

    @Test
    void peakInFlightLeavesOutRequestsAlreadyCompleted() throws Exception {
        simulator.setLatencyMillis(150);
        for (JsonNode submitted : submitConcurrently(10)) {
            fal.awaitCompleted(submitted);
        }

        submitConcurrently(10);

        assertThat(simulator.submissionCount()).isEqualTo(20);
        assertThat(simulator.peakInFlight()).isEqualTo(10);
    }

    @Test
    void cancelledRequestsLeaveFlightAtOnce() {
        simulator.setLatencyMillis(5000);
        JsonNode first = fal.submitOk("fal-ai/flux", "{}");
        fal.put(first.get("cancel_url").asText());

        fal.submitOk("fal-ai/flux", "{}");

        assertThat(simulator.peakInFlight()).isEqualTo(1);
        assertThat(simulator.inFlight()).isEqualTo(1);
    }

    @Test
    void peakInFlightStaysWithinAClientSideCap() throws Exception {
        simulator.setLatencyMillis(100);
        Semaphore cap = new Semaphore(5);
        List<Callable<Void>> jobs = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            jobs.add(() -> {
                cap.acquire();
                try {
                    fal.awaitCompleted(fal.submitOk("fal-ai/flux", "{}"));
                } finally {
                    cap.release();
                }
                return null;
            });
        }

        for (Future<Void> job : clients.invokeAll(jobs)) {
            job.get();
        }

        assertThat(simulator.submissionCount()).isEqualTo(30);
        assertThat(simulator.peakInFlight()).isBetween(2, 5);
    }

    @Test
    void latencyChangeAppliesToLaterSubmitsOnly() throws Exception {
        simulator.setLatencyMillis(5000);
        JsonNode slow = fal.submitOk("fal-ai/flux", "{}");
        simulator.setLatencyMillis(50);
        JsonNode fast = fal.submitOk("fal-ai/flux", "{}");

        fal.awaitCompleted(fast);

        assertThat(fal.status(slow).get("status").asText()).isNotEqualTo("COMPLETED");
    }

    @Test
    void resetForgetsRequestsAndCounters() {
        simulator.setLatencyMillis(5000);
        JsonNode submitted = fal.submitOk("fal-ai/flux", "{}");

        simulator.reset();

        assertThat(simulator.submissionCount()).isZero();
        assertThat(simulator.submissionCount("fal-ai/flux")).isZero();
        assertThat(simulator.peakInFlight()).isZero();
        assertThat(fal.get(submitted.get("status_url").asText()).statusCode()).isEqualTo(404);
    }

    private static List<JsonNode> submitConcurrently(int n) throws Exception {
        List<Callable<JsonNode>> submits = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String body = "{\"prompt\":\"look " + i + "\"}";
            submits.add(() -> fal.submitOk("fal-ai/flux", body));
        }
        List<JsonNode> submitted = new ArrayList<>();
        for (Future<JsonNode> future : clients.invokeAll(submits)) {
            submitted.add(future.get());
        }
        return submitted;
    }
}
