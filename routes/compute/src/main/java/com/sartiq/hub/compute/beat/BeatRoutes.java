package com.sartiq.hub.compute.beat;

import com.sartiq.hub.compute.config.ConditionalOnRole;
import com.sartiq.hub.compute.tasks.TaskProperties;
import com.sartiq.hub.compute.workers.WorkerProperties;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * The beat role: Quartz jobs clustered over PostgreSQL, so with several beat instances each firing
 * runs on one of them ({@code stateful}: a slow run is never overlapped by the next). Cron triggers
 * skip missed runs after downtime (misfire instruction 2: do nothing) since every job catches up by itself.
 */
@Component
@ConditionalOnRole("beat")
@EnableConfigurationProperties(BeatProperties.class)
public class BeatRoutes extends RouteBuilder {

    private static final String JOB_OPTIONS = "&stateful=true&trigger.misfireInstruction=2";

    private final BeatProperties beat;
    private final TaskProperties tasks;
    private final WorkerProperties workers;

    public BeatRoutes(BeatProperties beat, TaskProperties tasks, WorkerProperties workers) {
        this.beat = beat;
        this.tasks = tasks;
        this.workers = workers;
    }

    @Override
    public void configure() {
        String requeueInDoubt = workers.queues().entrySet().stream().filter(q -> Boolean.TRUE.equals(q.getValue().requeueInDoubt()))
                .map(Map.Entry::getKey).collect(Collectors.joining(","));

        from("quartz://compute/lease-reaper?cron=" + BeatProperties.uriCron(beat.reaperCron()) + JOB_OPTIONS).routeId("beat.lease-reaper")
            .setBody(e -> Map.of("limit", beat.reaperBatch(), "requeueInDoubt", requeueInDoubt,
                    "inDoubtGraceSeconds", workers.process().inDoubtGraceSeconds()))
            .to("sql:classpath:sql/compute/task-reap.sql?outputType=SelectList")
            .split(body())
                .log(LoggingLevel.WARN, "Reaper: ${body[tasks]} task(s) ${body[action]}");

        from("quartz://compute/history-purge?cron=" + BeatProperties.uriCron(beat.historyPurgeCron()) + JOB_OPTIONS).routeId("beat.history-purge")
            .filter(e -> tasks.historyRetentionDays() > 0)
            .setBody(e -> Map.of("retentionDays", tasks.historyRetentionDays(), "limit", 10_000))
            .to("sql:classpath:sql/compute/task-purge-history.sql")
            .log("History purge: ${header.CamelSqlUpdateCount} finished task(s) older than " + tasks.historyRetentionDays() + " days removed");

        from("quartz://compute/stale-workers?cron=" + BeatProperties.uriCron(beat.staleWorkersCron()) + JOB_OPTIONS).routeId("beat.stale-workers")
            .setBody(e -> Map.of("staleSeconds", workers.process().staleWorkerSeconds()))
            .to("sql:classpath:sql/compute/worker-purge-stale.sql");
    }
}
