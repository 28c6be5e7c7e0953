package com.sartiq.hub.compute.monitoring;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sartiq.hub.common.rest.ApiException;
import com.sartiq.hub.common.rest.JsonResponses;
import com.sartiq.hub.common.rest.RestErrorHandling;
import com.sartiq.hub.compute.config.ConditionalOnRole;
import com.sartiq.hub.compute.workers.WorkerProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestParamType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The monitoring API ({@code /api/v1/monitoring/*}): queues, workers (of every instance, from their
 * heartbeats), tasks with the documented filters and paging, one task's details, history and media,
 * system stats; and the timer that feeds the queue gauges ({@code monitoring.metrics}).
 */
@Component
@ConditionalOnRole("api")
@EnableConfigurationProperties(MonitoringProperties.class)
public class MonitoringRoutes extends RouteBuilder {

    private static final String API_KEY = "HTTPBearer";
    private static final List<String> LIST_PARAMS = List.of("page", "page_size", "sort_by", "sort_order", "status", "task_type", "created_after",
            "created_before", "origin_instance", "origin_tenant_id", "origin_zone", "provider_type", "search");

    private final Monitoring monitoring;
    private final QueueMetrics metrics;
    private final JsonResponses json;
    private final MonitoringProperties properties;
    private final WorkerProperties workers;

    public MonitoringRoutes(ObjectMapper mapper, MeterRegistry meters, JsonResponses json, MonitoringProperties properties, WorkerProperties workers) {
        this.monitoring = new Monitoring(mapper);
        this.metrics = new QueueMetrics(meters);
        this.json = json;
        this.properties = properties;
        this.workers = workers;
    }

    @Override
    public void configure() {
        var rest = rest("/monitoring").tag("monitoring").description("Queues, workers and tasks as ops see them");
        rest.get("/queues").id("rest.monitoring.queues")
                .description("Every queue: tasks pending (due / scheduled), running, age of the oldest due task, retries in 24 h, "
                        + "and the live workers' capacity on it")
                .produces("application/json").outType(MonitoringViews.QueueStats[].class)
                .responseMessage().code(200).message("Queue statistics").endResponseMessage()
                .security(API_KEY)
                .to("direct:monitoring.queues")
            .get("/workers").id("rest.monitoring.workers")
                .description("Worker processes of every compute-hub instance, from their heartbeats, with their load per queue")
                .produces("application/json").outType(MonitoringViews.WorkerView[].class)
                .responseMessage().code(200).message("Workers").endResponseMessage()
                .security(API_KEY)
                .to("direct:monitoring.workers")
            .get("/workers/health").id("rest.monitoring.workers-health")
                .description("healthy: every queue holding due tasks has a live worker; degraded: some has none; unhealthy: no live worker")
                .produces("application/json").outType(MonitoringViews.WorkersHealth.class)
                .responseMessage().code(200).message("Worker health").endResponseMessage()
                .security(API_KEY)
                .to("direct:monitoring.workers-health")
            .get("/tasks").id("rest.monitoring.tasks")
                .description("Tasks, newest first by default, with computed duration and error flag; filters combine with AND")
                .produces("application/json").outType(MonitoringViews.TaskPage.class)
                .param().name("page").type(RestParamType.query).dataType("integer").defaultValue("1").description("1-based page").endParam()
                .param().name("page_size").type(RestParamType.query).dataType("integer").defaultValue("50").description("1 to 200").endParam()
                .param().name("sort_by").type(RestParamType.query).defaultValue("created_at")
                    .description("created_at, updated_at, started_at, completed_at, status, task_type, priority or duration").endParam()
                .param().name("sort_order").type(RestParamType.query).defaultValue("desc").description("asc or desc").endParam()
                .param().name("status").type(RestParamType.query).description("pending, running, completed, failed or cancelled").endParam()
                .param().name("task_type").type(RestParamType.query).description("a task type, any case").endParam()
                .param().name("created_after").type(RestParamType.query).description("ISO 8601 (UTC when no offset), inclusive").endParam()
                .param().name("created_before").type(RestParamType.query).description("ISO 8601 (UTC when no offset), exclusive").endParam()
                .param().name("origin_instance").type(RestParamType.query).endParam()
                .param().name("origin_tenant_id").type(RestParamType.query).endParam()
                .param().name("origin_zone").type(RestParamType.query).endParam()
                .param().name("provider_type").type(RestParamType.query).endParam()
                .param().name("search").type(RestParamType.query).description("task id prefix").endParam()
                .responseMessage().code(200).message("One page of tasks").endResponseMessage()
                .responseMessage().code(422).message("Invalid filter or paging parameter").endResponseMessage()
                .security(API_KEY)
                .to("direct:monitoring.tasks")
            .get("/tasks/{task_id}").id("rest.monitoring.task")
                .description("One task with params, output, provider request, lease, its full event history and its job history "
                        + "(provider_attempts: every provider call, with operation, outcome, HTTP status and latency)")
                .produces("application/json").outType(MonitoringViews.TaskDetails.class)
                .param().name("task_id").type(RestParamType.path).description("Task id (UUID)").endParam()
                .responseMessage().code(200).message("The task").endResponseMessage()
                .responseMessage().code(404).message("Task not found").endResponseMessage()
                .security(API_KEY)
                .to("direct:monitoring.task")
            .get("/tasks/{task_id}/media").id("rest.monitoring.task-media")
                .description("Media a task read (URL fields of its params) and wrote (its output images)")
                .produces("application/json").outType(MonitoringViews.TaskMedia.class)
                .param().name("task_id").type(RestParamType.path).description("Task id (UUID)").endParam()
                .responseMessage().code(200).message("The task's media").endResponseMessage()
                .responseMessage().code(404).message("Task not found").endResponseMessage()
                .security(API_KEY)
                .to("direct:monitoring.task-media")
            .get("/stats").id("rest.monitoring.stats")
                .description("System-wide figures: tasks by status (all time and last 24 h), by type, queues, worker health")
                .produces("application/json").outType(MonitoringViews.Stats.class)
                .responseMessage().code(200).message("Statistics").endResponseMessage()
                .security(API_KEY)
                .to("direct:monitoring.stats");

        from("direct:monitoring.queues").routeId("monitoring.queues").routeConfigurationId(RestErrorHandling.ID)
            .to("direct:monitoring.read-queues")
            .setBody(exchangeProperty("queues"))
            .process(json.ok());

        from("direct:monitoring.workers").routeId("monitoring.workers").routeConfigurationId(RestErrorHandling.ID)
            .to("direct:monitoring.read-workers")
            .setBody(exchangeProperty("workers"))
            .process(json.ok());

        from("direct:monitoring.workers-health").routeId("monitoring.workers-health").routeConfigurationId(RestErrorHandling.ID)
            .to("direct:monitoring.read-queues")
            .process(e -> e.getMessage().setBody(monitoring.health(e.getProperty("workers", List.class), e.getProperty("queues", List.class))))
            .process(json.ok());

        from("direct:monitoring.tasks").routeId("monitoring.tasks").routeConfigurationId(RestErrorHandling.ID)
            .process(this::readListQuery)
            .setBody(exchangeProperty("query"))
            .to("sql:classpath:sql/compute/monitoring-tasks-count.sql?outputType=SelectOne")
            .setProperty("total", body())
            .setBody(exchangeProperty("query"))
            .to("sql:classpath:sql/compute/monitoring-tasks.sql?outputType=SelectList")
            .process(e -> e.getMessage().setBody(monitoring.page(e.getMessage().getBody(List.class),
                    e.getProperty("total", Number.class).longValue(), e.getProperty("query", Map.class))))
            .process(json.ok());

        from("direct:monitoring.task").routeId("monitoring.task").routeConfigurationId(RestErrorHandling.ID)
            .to("direct:monitoring.read-task")
            .to("sql:classpath:sql/compute/monitoring-task-attempts.sql?outputType=SelectList")
            .setProperty("providerAttempts", body())
            .to("sql:classpath:sql/compute/monitoring-task-events.sql?outputType=SelectList")
            .process(e -> e.getMessage().setBody(monitoring.details(e.getProperty("task", Map.class), e.getMessage().getBody(List.class),
                    e.getProperty("providerAttempts", List.class))))
            .process(json.ok());

        from("direct:monitoring.task-media").routeId("monitoring.task-media").routeConfigurationId(RestErrorHandling.ID)
            .to("direct:monitoring.read-task")
            .process(e -> e.getMessage().setBody(monitoring.media(e.getProperty("task", Map.class))))
            .process(json.ok());

        from("direct:monitoring.stats").routeId("monitoring.stats").routeConfigurationId(RestErrorHandling.ID)
            .to("direct:monitoring.read-queues")
            .to("sql:classpath:sql/compute/monitoring-stats.sql?outputType=SelectOne")
            .setProperty("totals", body())
            .to("sql:classpath:sql/compute/monitoring-stats-by-type.sql?outputType=SelectList")
            .process(e -> {
                List<MonitoringViews.QueueStats> queues = e.getProperty("queues", List.class);
                e.getMessage().setBody(monitoring.stats(e.getProperty("totals", Map.class), e.getMessage().getBody(List.class), queues,
                        monitoring.health(e.getProperty("workers", List.class), queues)));
            })
            .process(json.ok());

        from("direct:monitoring.read-task").routeId("monitoring.read-task").errorHandler(noErrorHandler())
            .process(JsonResponses.requireUuid("task_id", "Task"))
            .to("sql:classpath:sql/compute/task-by-id.sql?outputType=SelectOne")
            .filter(body().isNull()).throwException(ApiException.notFound("Task")).end()
            .setProperty("task", body());

        from("direct:monitoring.read-workers").routeId("monitoring.read-workers").errorHandler(noErrorHandler())
            .setBody(e -> Map.of("staleSeconds", Math.max(3, workers.process().heartbeatIntervalMs() * 3 / 1000)))
            .to("sql:classpath:sql/compute/monitoring-workers.sql?outputType=SelectList")
            .process(e -> e.setProperty("workers", monitoring.workers(e.getMessage().getBody(List.class))));

        from("direct:monitoring.read-queues").routeId("monitoring.read-queues").errorHandler(noErrorHandler())
            .to("direct:monitoring.read-workers")
            .to("sql:classpath:sql/compute/monitoring-queues.sql?outputType=SelectList")
            .process(e -> e.setProperty("queues", monitoring.queues(e.getMessage().getBody(List.class), e.getProperty("workers", List.class))));

        from("timer:monitoring.metrics?period=" + properties.metricsIntervalMs()).routeId("monitoring.metrics")
            .doTry()
                .to("direct:monitoring.read-queues")
                .process(e -> metrics.update(e.getProperty("queues", List.class)))
            .doCatch(Exception.class)
                .log(LoggingLevel.WARN, "Reading queue statistics for the metrics failed: ${exception.message}")
            .end();
    }

    private void readListQuery(Exchange exchange) {
        Map<String, String> query = new HashMap<>();
        for (String name : LIST_PARAMS) {
            query.put(name, exchange.getMessage().getHeader(name, String.class));
        }
        exchange.setProperty("query", TaskListQuery.read(query));
    }
}
