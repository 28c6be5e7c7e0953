package com.sartiq.hub.compute.workers;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sartiq.hub.compute.config.ComputeRoles;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.LifecycleStrategySupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The life of this process's workers in the database: a heartbeat ({@code workers.heartbeat}) that
 * extends the leases of the tasks still in progress here and announces the process in the
 * {@code worker} table, and the graceful stop: on SIGTERM (Camel context stopping, before any route
 * stops) claims stop, the tasks in hand get the shutdown timeout, then the ones never started are
 * released to the queue at once ({@code workers.release}) and the worker row is removed.
 */
@org.springframework.stereotype.Component
public class WorkerLifecycleRoutes extends RouteBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerLifecycleRoutes.class);

    private final WorkerRegistry registry;
    private final WorkerProperties workers;
    private final ComputeRoles roles;
    private final ObjectMapper mapper;

    public WorkerLifecycleRoutes(WorkerRegistry registry, WorkerProperties workers, ComputeRoles roles, ObjectMapper mapper) {
        this.registry = registry;
        this.workers = workers;
        this.roles = roles;
        this.mapper = mapper;
    }

    @Override
    public void configure() throws Exception {
        boolean anyWorker = workers.queues().values().stream().anyMatch(q -> q.role() != null && roles.has(q.role()));
        if (!anyWorker) {
            return;
        }
        String host = InetAddress.getLocalHost().getHostName();
        String roleList = String.join(",", roles.roles());

        from("timer:workers.heartbeat?period=" + workers.process().heartbeatIntervalMs()).routeId("workers.heartbeat")
            .setProperty("stopping", constant(false))
            .to("direct:workers.announce")
            .setBody(e -> registry.settings().entrySet().stream()
                    .map(q -> Map.of("queue", q.getKey(), "workerId", registry.workerId(), "leaseSeconds", q.getValue().leaseSeconds()))
                    .toList())
            .split(body())
                .to("sql:classpath:sql/compute/task-heartbeat.sql");

        from("direct:workers.announce").routeId("workers.announce").errorHandler(noErrorHandler())
            .doTry()
                .process(e -> e.getMessage().setBody(Map.of("workerId", registry.workerId(), "host", host, "roles", roleList,
                        "queues", mapper.writeValueAsString(queueState()), "stopping", e.getProperty("stopping", Boolean.class))))
                .to("sql:classpath:sql/compute/worker-heartbeat.sql")
            .doCatch(Exception.class)
                .log(LoggingLevel.WARN, "Worker heartbeat failed: ${exception.message}")
            .end();

        from("direct:workers.release").routeId("workers.release").errorHandler(noErrorHandler())
            .setBody(e -> Map.of("workerId", registry.workerId(), "alsoDispatched", registry.settings().entrySet().stream()
                    .filter(q -> Boolean.TRUE.equals(q.getValue().requeueInDoubt())).map(Map.Entry::getKey).collect(Collectors.joining(","))))
            .to("sql:classpath:sql/compute/task-release.sql?outputType=SelectOne")
            .log("Shutdown: released ${body} task(s) to the queue")
            .setBody(e -> Map.of("workerId", registry.workerId()))
            .to("sql:classpath:sql/compute/worker-remove.sql");

        getContext().addLifecycleStrategy(new LifecycleStrategySupport() {
            @Override
            public void onContextStopping(CamelContext context) {
                drain(context);
            }
        });
    }

    private void drain(CamelContext context) {
        long timeout = workers.process().shutdownTimeoutSeconds() * 1000L;
        LOG.info("Shutdown: no more claims; {} task(s) in progress get up to {} ms", registry.busy(), timeout);
        try (ProducerTemplate template = context.createProducerTemplate()) {
            template.send("direct:workers.announce", exchange -> exchange.setProperty("stopping", true));
            registry.drain(timeout);
            Exchange released = template.send("direct:workers.release", exchange -> { });
            if (released.getException() != null) {
                throw released.getException();
            }
        } catch (Exception e) {
            // the leases expire and the reaper takes the tasks back: nothing is lost, only later
            LOG.warn("Shutdown: releasing tasks failed, the reaper will take them back after their leases: {}", e.getMessage());
        }
    }

    private Map<String, Object> queueState() {
        Map<String, Object> state = new LinkedHashMap<>();
        registry.loads().forEach((queue, load) -> state.put(queue, Map.of("busy", load.busy(), "capacity", load.capacity())));
        return state;
    }
}
