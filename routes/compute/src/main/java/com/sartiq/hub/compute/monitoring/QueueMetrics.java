package com.sartiq.hub.compute.monitoring;

import com.sartiq.hub.compute.monitoring.MonitoringViews.QueueStats;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * The queue gauges exported to Prometheus and JMX, from the latest snapshot of the queue statistics
 * (the database is read on a timer, never on a scrape).
 */
public class QueueMetrics {

    private final MeterRegistry meters;
    private final Map<String, QueueStats> latest = new ConcurrentHashMap<>();

    public QueueMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    public void update(List<QueueStats> stats) {
        for (QueueStats queue : stats) {
            if (latest.put(queue.queue(), queue) == null) {
                register(queue.queue());
            }
        }
    }

    private void register(String queue) {
        gauge("hub.queue.depth", queue, "tasks waiting in the queue (due now or scheduled for a retry)", QueueStats::pending);
        gauge("hub.queue.due", queue, "tasks waiting whose time has come", QueueStats::due);
        gauge("hub.queue.running", queue, "tasks being worked on, by any instance", QueueStats::running);
        gauge("hub.queue.oldest.task.age", queue, "seconds the oldest due task has been waiting", QueueStats::oldestTaskAgeSeconds);
        gauge("hub.queue.retries.24h", queue, "retries of the queue's tasks changed in the last 24 hours", QueueStats::retries24h);
    }

    private void gauge(String name, String queue, String description, ToDoubleFunction<QueueStats> value) {
        Gauge.builder(name, latest, m -> m.containsKey(queue) ? value.applyAsDouble(m.get(queue)) : 0).tag("queue", queue)
                .description(description).baseUnit(name.endsWith(".age") ? "seconds" : "tasks").register(meters);
    }
}
