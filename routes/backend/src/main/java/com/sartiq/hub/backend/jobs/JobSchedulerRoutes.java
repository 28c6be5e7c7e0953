package com.sartiq.hub.backend.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.UUID;

/**
 * The scheduler role: Quartz jobs clustered over PostgreSQL (each firing runs on one instance;
 * {@code stateful}: never overlapping; misfires after downtime are skipped, each job catches up by itself).
 * The reaper takes back jobs whose worker died; the clean-up schedule queues a {@code TEMP_CLEANUP} job
 * (unless one is still waiting), which a worker runs.
 */
@Component
public class JobSchedulerRoutes extends RouteBuilder {

    private static final String JOB_OPTIONS = "&stateful=true&trigger.misfireInstruction=2";

    private final BackendRoles roles;
    private final JobProperties jobs;
    private final ObjectMapper mapper;

    public JobSchedulerRoutes(BackendRoles roles, JobProperties jobs, ObjectMapper mapper) {
        this.roles = roles;
        this.jobs = jobs;
        this.mapper = mapper;
    }

    @Override
    public void configure() throws Exception {
        if (!roles.has("scheduler")) {
            return;
        }
        from("quartz://backend/jobs-reaper?cron=" + JobProperties.uriCron(jobs.reaperCron()) + JOB_OPTIONS).routeId("jobs.reaper")
            .setBody(e -> Map.of("limit", jobs.reaperBatch()))
            .to("sql:classpath:sql/backend/job-reap.sql?outputType=SelectList")
            .split(body())
                .log(LoggingLevel.WARN, "Reaper: job ${body[id]} lost its worker, now ${body[status]}");

        String cleanupParams = mapper.writeValueAsString(Map.of("max_age_seconds", jobs.tempCleanup().maxAgeSeconds()));
        from("quartz://backend/temp-cleanup?cron=" + JobProperties.uriCron(jobs.tempCleanup().cron()) + JOB_OPTIONS).routeId("jobs.temp-cleanup-schedule")
            .setBody(e -> Map.of("id", UUID.randomUUID().toString(), "kind", JobKind.TEMP_CLEANUP.name(), "params", cleanupParams,
                    "maxAttempts", jobs.maxAttempts()))
            .to("sql:classpath:sql/backend/job-insert-once.sql")
            .log("Temp clean-up scheduled (${header.CamelSqlUpdateCount} job queued)");
    }
}
