package com.sartiq.hub.backend.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The worker role: a claimer takes as many due jobs as there are free slots ({@code jobs.claim}, on a
 * timer), and that many consumers run them ({@code jobs.work}): each hands the job to its kind's handler
 * ({@link JobKind#handler()}), then records the result, or the failure with a back-off retry
 * ({@link JobFailures}). A job whose worker dies keeps its lease until the reaper takes it back.
 */
@Component
public class JobWorkerRoutes extends RouteBuilder {

    private final BackendRoles roles;
    private final JobProperties jobs;
    private final ObjectMapper mapper;
    private final String workerId = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    private final AtomicInteger busy = new AtomicInteger();

    public JobWorkerRoutes(BackendRoles roles, JobProperties jobs, ObjectMapper mapper) {
        this.roles = roles;
        this.jobs = jobs;
        this.mapper = mapper;
    }

    @Override
    public void configure() {
        if (!roles.has("worker")) {
            return;
        }
        from("timer:jobs.poll?period=" + jobs.pollIntervalMs()).routeId("jobs.tick")
            .to("direct:jobs.claim");

        from("direct:jobs.claim").routeId("jobs.claim").errorHandler(noErrorHandler())
            .setProperty("reserved", method(this, "reserve"))
            .filter(simple("${exchangeProperty.reserved} > 0"))
                .setBody(e -> Map.of("workerId", workerId, "leaseSeconds", jobs.leaseSeconds(), "limit", e.getProperty("reserved")))
                .doTry()
                    .to("sql:classpath:sql/backend/job-claim.sql?outputType=SelectList")
                .doCatch(Exception.class)
                    .setBody(constant(List.of()))
                    .log(LoggingLevel.WARN, "Claiming jobs failed, will try again: ${exception.message}")
                .end()
                .process(e -> busy.addAndGet(e.getMessage().getBody(List.class).size() - e.getProperty("reserved", Integer.class)))
                .split(body())
                    .to("seda:jobs.work");

        from("seda:jobs.work?concurrentConsumers=" + jobs.concurrency() + "&size=" + (jobs.concurrency() + 1)).routeId("jobs.work")
            .setProperty("jobId", simple("${body[id]}"))
            .setProperty("jobKind", simple("${body[kind]}"))
            .setProperty("attempt", simple("${body[attempt]}"))
            .setProperty("maxAttempts", simple("${body[max_attempts]}"))
            .log("Working on ${exchangeProperty.jobKind} job ${exchangeProperty.jobId} (attempt ${exchangeProperty.attempt})")
            .doTry()
                .process(e -> e.getMessage().setBody(mapper.readValue(e.getMessage().getBody(Map.class).get("params").toString(), Map.class)))
                .process(e -> e.setProperty("handler", handler(e.getProperty("jobKind", String.class))))
                .toD("${exchangeProperty.handler}")
                .process(this::completeParams)
                .to("sql:classpath:sql/backend/job-complete.sql")
                .log("Job ${exchangeProperty.jobId} completed")
            .doCatch(Exception.class)
                .to("direct:jobs.record-failure")
            .doFinally()
                .process(e -> busy.decrementAndGet())
            .end();

        from("direct:jobs.record-failure").routeId("jobs.record-failure").errorHandler(noErrorHandler())
            .process(this::failureParams)
            .choice()
                .when(exchangeProperty("retry"))
                    .to("sql:classpath:sql/backend/job-retry.sql")
                    .log(LoggingLevel.WARN, "Job ${exchangeProperty.jobId} attempt ${exchangeProperty.attempt} failed, retry in ${body[delaySeconds]} s: ${body[errorMessage]}")
                .otherwise()
                    .to("sql:classpath:sql/backend/job-fail.sql")
                    .log(LoggingLevel.ERROR, "Job ${exchangeProperty.jobId} failed: ${body[errorMessage]}")
            .end();
    }

    /** Free slots now taken by this claim (the busy count includes them until the claim says how many it got). */
    public int reserve() {
        while (true) {
            int now = busy.get();
            int free = jobs.concurrency() - now;
            if (free <= 0) {
                return 0;
            }
            if (busy.compareAndSet(now, jobs.concurrency())) {
                return free;
            }
        }
    }

    private static String handler(String kind) {
        try {
            return JobKind.valueOf(kind).handler();
        } catch (IllegalArgumentException e) {
            throw new JobFailedException("no handler for jobs of kind " + kind);
        }
    }

    private void completeParams(Exchange exchange) throws Exception {
        Map<String, Object> params = new HashMap<>();
        params.put("jobId", exchange.getProperty("jobId"));
        params.put("workerId", workerId);
        params.put("result", mapper.writeValueAsString(exchange.getMessage().getBody()));
        exchange.getMessage().setBody(params);
    }

    private void failureParams(Exchange exchange) {
        JobFailures.Decision decision = JobFailures.decide(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class),
                exchange.getProperty("attempt", Integer.class), exchange.getProperty("maxAttempts", Integer.class), jobs.retryDelaySeconds());
        exchange.setProperty("retry", decision.retry());
        Map<String, Object> params = new HashMap<>();
        params.put("jobId", exchange.getProperty("jobId"));
        params.put("workerId", workerId);
        params.put("errorMessage", decision.message());
        params.put("delaySeconds", decision.delaySeconds());
        exchange.getMessage().setBody(params);
    }
}
