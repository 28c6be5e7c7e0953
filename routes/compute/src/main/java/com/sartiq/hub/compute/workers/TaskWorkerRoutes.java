package com.sartiq.hub.compute.workers;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sartiq.hub.compute.config.ComputeRoles;
import com.sartiq.hub.compute.tasks.ErrorCategory;
import com.sartiq.hub.compute.tasks.TaskFailedException;
import com.sartiq.hub.compute.tasks.TaskFailures;
import com.sartiq.hub.compute.tasks.TaskOutput;
import com.sartiq.hub.compute.tasks.TaskRoutes;
import com.sartiq.hub.compute.tasks.TaskType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * For each queue whose role this process runs: a claimer takes as many due tasks as there are free
 * slots ({@code <queue>.claim}, on a timer and whenever Redis says a task was queued or capacity was freed),
 * never more than a {@link QueueAdmission} limit on the queue lets in, and that many
 * consumers work on them ({@code <queue>.work}): each marks the task dispatched, hands it to its type's
 * handler route and records a failure. Handlers record success themselves ({@code tasks.complete}).
 * {@link WorkerRegistry} extends leases while tasks run and drains the workers on shutdown.
 */
@Component
public class TaskWorkerRoutes extends RouteBuilder {

    private final ComputeRoles roles;
    private final WorkerProperties workers;
    private final WorkerRegistry registry;
    private final ObjectMapper mapper;
    private final MeterRegistry meters;
    private final List<QueueAdmission> admissions;
    private final String wakeChannel;

    public TaskWorkerRoutes(ComputeRoles roles, WorkerProperties workers, WorkerRegistry registry, ObjectMapper mapper, MeterRegistry meters,
                            List<QueueAdmission> admissions, @Value("${hub.redis.key-prefix:}") String keyPrefix) {
        this.admissions = admissions;
        this.wakeChannel = keyPrefix + TaskRoutes.WAKE_CHANNEL;
        this.roles = roles;
        this.workers = workers;
        this.registry = registry;
        this.mapper = mapper;
        this.meters = meters;
    }

    @Override
    public void configure() {
        workers.queues().forEach((queue, settings) -> {
            if (settings.role() != null && roles.has(settings.role())) {
                worker(queue, settings);
            }
        });
        if (!registry.loads().isEmpty()) {
            // a new task's queue name arrives on Redis: its workers claim at once instead of at their next poll
            from("spring-redis://wake?command=SUBSCRIBE&channels=" + wakeChannel
                    + "&listenerContainer=#taskWakeListener&serializer=#taskWakeSerializer")
                .routeId("workers.wake")
                .filter(e -> registry.loads().containsKey(e.getMessage().getBody(String.class)))
                .toD("direct:${body}.claim");
        }

        from("direct:tasks.complete").routeId("tasks.complete").errorHandler(noErrorHandler())
            .process(e -> e.getMessage().setBody(Map.of("taskId", e.getProperty("taskId"),
                    "output", mapper.writeValueAsString(e.getMessage().getBody()))))
            // only a task still running completes: a cancelled one stays cancelled, its result is dropped
            .to("sql:classpath:sql/compute/task-complete.sql")
            .choice()
                .when(header("CamelSqlUpdateCount").isEqualTo(0))
                    .log(LoggingLevel.WARN, "Task ${exchangeProperty.taskId} finished but is no longer running (cancelled or taken over): result dropped")
                .otherwise()
                    .log("Task ${exchangeProperty.taskId} completed");

        from("direct:tasks.record-failure").routeId("tasks.record-failure").errorHandler(noErrorHandler())
            .process(this::decide)
            .choice()
                .when(simple("${exchangeProperty.retry}"))
                    .to("sql:classpath:sql/compute/task-retry.sql")
                    .process(e -> retries(e.getProperty("queue", "unknown", String.class)).increment())
                    .log("Task ${exchangeProperty.taskId} attempt ${exchangeProperty.attempt} failed, will retry: ${exchangeProperty.failure}")
                .otherwise()
                    .to("sql:classpath:sql/compute/task-fail.sql")
                    .log("Task ${exchangeProperty.taskId} failed: ${exchangeProperty.failure}");

        // The instant no-op worker of drills and benchmarks (hub.workers.<queue>.handler=direct:tasks.noop).
        from("direct:tasks.noop").routeId("tasks.noop").errorHandler(noErrorHandler())
            .setBody(e -> new TaskOutput(List.of()))
            .to("direct:tasks.complete");
    }

    private void worker(String queue, WorkerProperties.Queue settings) {
        WorkerLoad load = registry.register(queue, settings);
        Gauge.builder("hub.worker.busy", load, WorkerLoad::busy).tags("queue", queue, "worker", registry.workerId())
                .description("tasks this process is working on (in flight per worker)").register(meters);
        Gauge.builder("hub.worker.capacity", load, WorkerLoad::capacity).tags("queue", queue, "worker", registry.workerId())
                .description("tasks this process works on at most at once").register(meters);
        retries(queue);

        from("timer:" + queue + ".poll?period=" + settings.pollIntervalMs()).routeId(queue + ".tick")
            .to("direct:" + queue + ".claim");

        from("direct:" + queue + ".claim").routeId(queue + ".claim")
            .process(e -> e.setProperty("reserved", load.reserve(admitted(queue, load))))
            .filter(simple("${exchangeProperty.reserved} > 0"))
                .setBody(e -> Map.of("queue", queue, "workerId", registry.workerId(), "leaseSeconds", settings.leaseSeconds(),
                        "limit", e.getProperty("reserved")))
                .doTry()
                    .to("sql:classpath:sql/compute/task-claim.sql?outputType=SelectList")
                .doCatch(Exception.class)
                    .setBody(constant(List.of()))
                    .log(LoggingLevel.WARN, "Claiming " + queue + " tasks failed, will try again: ${exception.message}")
                .end()
                .process(e -> load.unreserve(e.getProperty("reserved", Integer.class) - e.getMessage().getBody(List.class).size()))
                .split(body())
                    .to("seda:" + queue + ".tasks");

        // the buffer holds at most the claimed tasks, which never exceed the concurrency
        from("seda:" + queue + ".tasks?concurrentConsumers=" + settings.concurrency() + "&size=" + (settings.concurrency() + 1))
            .routeId(queue + ".work")
            .setProperty("queue", constant(queue))
            .setProperty("taskId", simple("${body[id]}"))
            .setProperty("taskType", simple("${body[task_type]}"))
            .setProperty("attempt", simple("${body[attempt]}"))
            .setProperty("maxAttempts", simple("${body[max_attempts]}"))
            .setProperty("retryDelaySeconds", constant(settings.retryDelaySeconds()))
            .setProperty("params", simple("${body[params]}"))
            .doTry()
                .to("direct:" + queue + ".run")
            .doCatch(Exception.class)
                .to("direct:tasks.record-failure")
            .doFinally()
                .process(e -> load.finished())
            .end();

        // draining for shutdown: a task not started yet stays claimed and is released in one statement
        from("direct:" + queue + ".run").routeId(queue + ".run").errorHandler(noErrorHandler())
            .filter(e -> !load.draining())
            .setBody(e -> Map.of("taskId", e.getProperty("taskId"), "workerId", registry.workerId()))
            .to("sql:classpath:sql/compute/task-dispatch.sql?outputType=SelectOne")
            .choice()
                .when(body().isNull())
                    .log("Task ${exchangeProperty.taskId} is no longer ours (cancelled or released): not started")
                .otherwise()
                    .log("Working on ${exchangeProperty.taskType} task ${exchangeProperty.taskId} (attempt ${exchangeProperty.attempt}, queue " + queue + ")")
                    .process(e -> e.setProperty("handler", handler(settings, e.getProperty("taskType", String.class))))
                    .setBody(exchangeProperty("params"))
                    .toD("${exchangeProperty.handler}");
    }

    /** What the shared limit on this queue's tasks lets this process claim now (unlimited when there is none). */
    private int admitted(String queue, WorkerLoad load) {
        int wanted = load.capacity() - load.busy();
        return admissions.stream().filter(a -> a.queues().contains(queue)).mapToInt(a -> wanted <= 0 ? 0 : a.admit(wanted, load.busy()))
                .min().orElse(Integer.MAX_VALUE);
    }

    /** The queue's override, else the type's handler, which must be deployed in this process. */
    private String handler(WorkerProperties.Queue settings, String taskType) {
        if (settings.hasHandler()) {
            return settings.handler();
        }
        TaskType type = TaskType.valueOf(taskType);
        if (hasRoute(type.handler())) {
            return type.handler();
        }
        throw new TaskFailedException(ErrorCategory.INTERNAL,
                "no handler for " + type + " tasks in this hub (" + type.handler() + " is not deployed)", false);
    }

    private boolean hasRoute(String endpointUri) {
        String key = endpointUri.replace("direct:", "direct://");
        return getContext().getRoutes().stream().anyMatch(r -> r.getEndpoint().getEndpointUri().equals(key));
    }

    private Counter retries(String queue) {
        return Counter.builder("hub.tasks.retries").tag("queue", queue)
                .description("failed attempts sent back to the queue for another try (by this process)").register(meters);
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
