package com.sartiq.hub.compute.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sartiq.hub.compute.monitoring.MonitoringViews.Media;
import com.sartiq.hub.compute.monitoring.MonitoringViews.QueueStats;
import com.sartiq.hub.compute.monitoring.MonitoringViews.TaskSummary;
import com.sartiq.hub.compute.monitoring.MonitoringViews.WorkerView;
import com.sartiq.hub.compute.monitoring.MonitoringViews.WorkersHealth;
import com.sartiq.hub.compute.workers.WorkerProperties;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Turns the monitoring queries' rows into the monitoring views (plain Java, no Spring). */
public class Monitoring {

    private final ObjectMapper mapper;

    public Monitoring(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public List<WorkerView> workers(List<Map<String, Object>> rows) throws Exception {
        List<WorkerView> workers = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            workers.add(WorkerView.fromRow(row, mapper));
        }
        return workers;
    }

    /** Every known queue (also empty ones) and any other queue holding tasks, with the live workers' capacity on each. */
    public List<QueueStats> queues(List<Map<String, Object>> rows, List<WorkerView> workers) {
        Map<String, Map<String, Object>> byQueue = new TreeMap<>();
        WorkerProperties.QUEUE_ROLES.keySet().forEach(q -> byQueue.put(q, Map.of()));
        rows.forEach(r -> byQueue.put((String) r.get("queue"), r));
        List<QueueStats> stats = new ArrayList<>();
        byQueue.forEach((queue, row) -> {
            int count = 0;
            int busy = 0;
            int capacity = 0;
            for (WorkerView worker : workers) {
                JsonNode load = worker.queues().get(queue);
                if (worker.alive() && load != null) {
                    count++;
                    busy += load.path("busy").asInt();
                    capacity += worker.stopping() ? 0 : load.path("capacity").asInt();
                }
            }
            stats.add(new QueueStats(queue, MonitoringViews.num(row, "pending"), MonitoringViews.num(row, "due"), MonitoringViews.num(row, "scheduled"),
                    MonitoringViews.num(row, "running"), row.get("oldest_task_age_seconds") == null ? 0 : ((Number) row.get("oldest_task_age_seconds")).doubleValue(),
                    MonitoringViews.num(row, "retries_24h"), count, busy, capacity));
        });
        return stats;
    }

    public WorkersHealth health(List<WorkerView> workers, List<QueueStats> queues) {
        int alive = (int) workers.stream().filter(WorkerView::alive).count();
        List<String> orphaned = queues.stream().filter(q -> q.due() > 0 && q.capacity() == 0).map(QueueStats::queue).toList();
        String status = alive == 0 ? "unhealthy" : orphaned.isEmpty() ? "healthy" : "degraded";
        return new WorkersHealth(status, alive, workers.size() - alive, orphaned);
    }

    public MonitoringViews.TaskPage page(List<Map<String, Object>> rows, long total, Map<String, Object> query) {
        int page = (Integer) query.get("page");
        int pageSize = (Integer) query.get("pageSize");
        return new MonitoringViews.TaskPage(rows.stream().map(TaskSummary::fromRow).toList(), total, page, pageSize,
                (total + pageSize - 1) / pageSize);
    }

    public MonitoringViews.TaskDetails details(Map<String, Object> task, List<Map<String, Object>> events,
                                               List<Map<String, Object>> attempts) throws Exception {
        List<MonitoringViews.TaskEventView> history = new ArrayList<>();
        for (Map<String, Object> event : events) {
            history.add(MonitoringViews.TaskEventView.fromRow(event, mapper));
        }
        return new MonitoringViews.TaskDetails(TaskSummary.fromRow(task), json(task.get("params")), json(task.get("output")),
                json(task.get("provider_request")), (String) task.get("worker_id"),
                com.sartiq.hub.common.sql.SqlValues.utc(task.get("lease_until")), history,
                attempts.stream().map(MonitoringViews.ProviderAttemptView::fromRow).toList());
    }

    /** Inputs: every {@code *_url} / {@code *_urls} field of the params; outputs: the result's images. */
    public MonitoringViews.TaskMedia media(Map<String, Object> task) throws Exception {
        List<Media> media = new ArrayList<>();
        JsonNode params = json(task.get("params"));
        if (params != null) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = params.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().endsWith("_url") && field.getValue().isTextual()) {
                    media.add(new Media("input", field.getKey(), field.getValue().asText(), null, null, null));
                } else if ((field.getKey().endsWith("_urls") || field.getKey().equals("source_images")) && field.getValue().isArray()) {
                    field.getValue().forEach(url -> media.add(new Media("input", field.getKey(), url.asText(), null, null, null)));
                }
            }
        }
        JsonNode output = json(task.get("output"));
        if (output != null) {
            for (JsonNode image : output.path("images")) {
                media.add(new Media("output", "images", image.path("url").asText(), image.path("content_type").asText(null),
                        image.has("width") ? image.get("width").asInt() : null, image.has("height") ? image.get("height").asInt() : null));
            }
        }
        return new MonitoringViews.TaskMedia(String.valueOf(task.get("id")), media);
    }

    public MonitoringViews.Stats stats(Map<String, Object> totals, List<Map<String, Object>> byTypeRows, List<QueueStats> queues,
                                       WorkersHealth health) {
        Map<String, Map<String, Long>> byType = new TreeMap<>();
        for (Map<String, Object> row : byTypeRows) {
            byType.computeIfAbsent((String) row.get("task_type"), t -> new TreeMap<>())
                    .put((String) row.get("status"), ((Number) row.get("tasks")).longValue());
        }
        return new MonitoringViews.Stats(new LinkedHashMap<>(totals), byType, queues, health);
    }


    private JsonNode json(Object value) throws Exception {
        return value == null ? null : mapper.readTree(value.toString());
    }
}
