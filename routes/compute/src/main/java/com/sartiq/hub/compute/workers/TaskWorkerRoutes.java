package com.sartiq.hub.compute.workers;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sartiq.hub.compute.config.ComputeRoles;
import com.sartiq.hub.compute.tasks.TaskFailures;
import com.sartiq.hub.compute.tasks.TaskType;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * For each queue whose role this process runs: a poller claims as many tasks as there are free
 * slots ({@code <queue>.claim}), and that many consumers work on them ({@code <queue>.work}), each
 * handing the task to its type's handler route and recording success or failure.
 */
@Component
public class TaskWorkerRoutes extends RouteBuilder {

    private static final String WORKER_ID = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);

    private final ComputeRoles roles;
    private final WorkerProperties workers;
    private final ObjectMapper mapper;
    private final MeterRegistry meters;

    public TaskWorkerRoutes(ComputeRoles roles, WorkerProperties workers, ObjectMapper mapper, MeterRegistry meters) {
        this.roles = roles;
        this.workers = workers;
        this.mapper = mapper;
        this.meters = meters;
    }

    @Override
    public void configure() {
        for (String queue : List.of("cpu", "fal", "llm")) {
            if (roles.has(queue)) {
                worker(queue, workers.forQueue(queue));
            }
        }

        from("direct:tasks.complete").routeId("tasks.complete").errorHandler(noErrorHandler())
            .process(e -> e.getMessage().setBody(Map.of("taskId", e.getProperty("taskId"),
                    "output", mapper.writeValueAsString(e.getMessage().getBody()))))
            .to("sql:classpath:sql/compute/task-complete.sql")
            .log("Task ${exchangeProperty.taskId} completed");

        from("direct:tasks.record-failure").routeId("tasks.record-failure").errorHandler(noErrorHandler())
            .process(this::decide)
            .choice()
                .when(simple("${exchangeProperty.retry}"))
                    .to("sql:classpath:sql/compute/task-retry.sql")
                    .log("Task ${exchangeProperty.taskId} attempt ${exchangeProperty.attempt} failed, will retry: ${exchangeProperty.failure}")
                .otherwise()
                    .to("sql:classpath:sql/compute/task-fail.sql")
                    .log("Task ${exchangeProperty.taskId} failed: ${exchangeProperty.failure}");
    }

    private void worker(String queue, WorkerProperties.Queue settings) {
        WorkerLoad load = new WorkerLoad(settings.concurrency());
        Gauge.builder("hub.worker.busy", load, WorkerLoad::busy).tag("queue", queue)
                .description("tasks this process is working on").register(meters);
        Gauge.builder("hub.worker.capacity", load, WorkerLoad::capacity).tag("queue", queue)
                .description("tasks this process works on at most at once").register(meters);
        from("timer:" + queue + ".poll?period=" + settings.pollIntervalMs()).routeId(queue + ".claim")
            .filter(e -> load.free() > 0)
            .setBody(e -> Map.of("queue", queue, "workerId", WORKER_ID, "leaseSeconds", settings.leaseSeconds(), "limit", load.free()))
            .to("sql:classpath:sql/compute/task-fail-exhausted.sql?outputHeader=exhausted")
            .to("sql:classpath:sql/compute/task-claim.sql?outputType=SelectList")
            .process(e -> load.claimed(e.getMessage().getBody(List.class).size()))
            .split(body())
                .to("seda:" + queue + ".tasks");

        from("seda:" + queue + ".tasks?concurrentConsumers=" + settings.concurrency() + "&size=" + (settings.concurrency() * 2))
            .routeId(queue + ".work")
            .setProperty("taskId", simple("${body[id]}"))
            .setProperty("taskType", simple("${body[task_type]}"))
            .setProperty("attempt", simple("${body[attempt]}"))
            .setProperty("maxAttempts", simple("${body[max_attempts]}"))
            .setProperty("retryDelaySeconds", constant(settings.retryDelaySeconds()))
            .setBody(simple("${body[params]}"))
            .log("Working on ${exchangeProperty.taskType} task ${exchangeProperty.taskId} (attempt ${exchangeProperty.attempt}, queue " + queue + ")")
            .doTry()
                .process(e -> e.setProperty("handler", TaskType.valueOf(e.getProperty("taskType", String.class)).handler()))
                .toD("${exchangeProperty.handler}")
            .doCatch(Exception.class)
                .to("direct:tasks.record-failure")
            .doFinally()
                .process(e -> load.finished())
            .end();
    }

    private void decide(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        TaskFailures.Decision decision = TaskFailures.decide(
                exchange.getProperty("taskId", String.class), failure,
                exchange.getProperty("attempt", Integer.class), exchange.getProperty("maxAttempts", Integer.class),
                exchange.getProperty("retryDelaySeconds", Integer.class));
        exchange.setProperty("retry", decision.retry());
        exchange.setProperty("failure", decision.sqlParameters().get("errorMessage"));
        exchange.getMessage().setBody(decision.sqlParameters());
    }
}
