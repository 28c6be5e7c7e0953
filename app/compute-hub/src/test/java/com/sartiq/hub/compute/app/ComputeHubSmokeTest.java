package com.sartiq.hub.compute.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sartiq.hub.testsupport.HubStack;
import com.sartiq.hub.testsupport.Ports;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** compute-hub on its own: roles decide which routes run; readiness, OpenAPI and metrics are there. */
class ComputeHubSmokeTest {

    private static ConfigurableApplicationContext apiOnly;
    private static String base;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        int port = Ports.free();
        apiOnly = ComputeHubApplication.application().run(HubStack.shared().computeArgs(port, "api").toArray(String[]::new));
        base = "http://127.0.0.1:" + port;
    }

    @AfterAll
    static void stop() {
        apiOnly.close();
    }

    @Test
    void anApiOnlyProcessRunsTheApiAndNoWorker() {
        CamelContext camel = apiOnly.getBean(CamelContext.class);
        assertEquals("compute-hub", camel.getName());
        assertNotNull(camel.getRoute("tasks.create"));
        assertNull(camel.getRoute("cpu.claim"), "no CPU worker without the cpu role");
        assertNull(camel.getRoute("fal.poll"), "no fal worker without the fal role");
        assertNull(camel.getRoute("events.relay"), "no relay without the events role");
        assertTrue(apiOnly.getBeansOfType(com.sartiq.hub.processors.matting.MattingModel.class).isEmpty(), "the model is not loaded without the cpu role");
    }

    @Test
    void readyAndDescribed() throws Exception {
        JsonNode readiness = JSON.readTree(get("/actuator/health/readiness").body());
        assertEquals("UP", readiness.get("status").asText(), readiness.toString());
        JsonNode document = JSON.readTree(get("/api/v1/openapi.json").body());
        assertTrue(document.get("paths").has("/tasks") && document.get("paths").has("/tasks/{task_id}"), document.get("paths").toString());
        assertEquals("bearer", document.at("/components/securitySchemes/HTTPBearer/scheme").asText());
        assertTrue(document.at("/components/schemas/TaskView/properties").has("task_type"), "schemas are snake_case like the API");
        assertTrue(get("/actuator/prometheus").body().contains("camel_exchanges"));
        assertFalse(get("/actuator/camel").body().isEmpty());
    }

    @Test
    void queueGaugesAreOnPrometheusAndJmx() throws Exception {
        var jmx = java.lang.management.ManagementFactory.getPlatformMBeanServer();
        long deadline = System.currentTimeMillis() + 30_000;
        boolean inJmx = false;
        String metrics = "";
        while (System.currentTimeMillis() < deadline && !(inJmx && metrics.contains("hub_queue_oldest_task_age_seconds{"))) {
            inJmx = jmx.queryNames(new javax.management.ObjectName("metrics:*"), null).stream()
                    .anyMatch(n -> n.toString().toLowerCase().contains("hubqueuedepth"));
            metrics = get("/actuator/prometheus").body();
            Thread.sleep(250);
        }
        assertTrue(inJmx, "queue depth gauge in JMX (domain metrics)");
        assertTrue(metrics.contains("hub_queue_depth_tasks{") && metrics.contains("hub_queue_oldest_task_age_seconds{"), "queue gauges on Prometheus");
    }

    @Test
    void withoutAnApiKeyConfiguredTheHubRefusesToStartAndSaysWhichKey() {
        List<String> args = new ArrayList<>(HubStack.shared().computeArgs(Ports.free(), "api"));
        args.replaceAll(a -> a.startsWith("--hub.compute.api-keys=") ? "--hub.compute.api-keys=" : a);
        Exception failure = assertThrows(Exception.class, () -> ComputeHubApplication.application().run(args.toArray(String[]::new)).close());
        assertTrue(rootMessage(failure).contains("HUB_COMPUTE_API_KEY"), rootMessage(failure));
    }

    @Test
    void aCpuProcessWithoutItsMattingModelRefusesToStartAndNamesThePath() {
        List<String> args = new ArrayList<>(HubStack.shared().computeArgs(Ports.free(), "cpu"));
        args.replaceAll(a -> a.startsWith("--hub.matting.demo-model=") ? "--hub.matting.demo-model=false" : a);
        args.add("--hub.matting.model-path=/data/models/onnx/missing-u2net.onnx");
        Exception failure = assertThrows(Exception.class, () -> ComputeHubApplication.application().run(args.toArray(String[]::new)).close());
        assertTrue(rootMessage(failure).contains("matting model not found: /data/models/onnx/missing-u2net.onnx"), rootMessage(failure));
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
