package com.sartiq.hub.compute.tasks;

import org.springframework.boot.context.properties.ConfigurationProperties;

import com.sartiq.hub.compute.workers.WorkerProperties;

import java.util.EnumMap;
import java.util.Map;

/**
 * Task-level knobs ({@code hub.tasks.*}).
 *
 * @param timeLimitSeconds         per task type: a task running longer is failed with {@code timeout} by the reaper
 *                                 (types not listed: {@code default-time-limit-seconds})
 * @param defaultTimeLimitSeconds  time limit of types without their own
 * @param historyRetentionDays     finished tasks (and their events) older than this are purged by beat; 0 keeps them
 * @param maxPriority              {@code priority} accepted from 0 (default) to this; higher runs first
 * @param queues                   per task type: the queue its tasks go to instead of the type's own (e.g. quick fal
 *                                 models to {@code inference}, whose workers call fal synchronously)
 */
@ConfigurationProperties("hub.tasks")
public record TaskProperties(Map<TaskType, Integer> timeLimitSeconds, Integer defaultTimeLimitSeconds,
                             Integer historyRetentionDays, Integer maxPriority, Map<TaskType, String> queues) {

    public TaskProperties {
        timeLimitSeconds = timeLimitSeconds == null ? new EnumMap<>(TaskType.class) : new EnumMap<>(timeLimitSeconds);
        defaultTimeLimitSeconds = defaultTimeLimitSeconds == null ? 1800 : defaultTimeLimitSeconds;
        historyRetentionDays = historyRetentionDays == null ? 30 : historyRetentionDays;
        maxPriority = maxPriority == null ? 10 : maxPriority;
        queues = queues == null ? new EnumMap<>(TaskType.class) : new EnumMap<>(queues);
        queues.forEach((type, queue) -> {
            if (!WorkerProperties.QUEUE_ROLES.containsKey(queue)) {
                throw new IllegalArgumentException("hub.tasks.queues." + type + " must be one of " + WorkerProperties.QUEUE_ROLES.keySet()
                        + ", not " + queue);
            }
        });
    }

    /** The queue a task of this type goes to. */
    public String queue(TaskType type) {
        return queues.getOrDefault(type, type.queue());
    }

    public int timeLimitSeconds(TaskType type) {
        return timeLimitSeconds.getOrDefault(type, defaultTimeLimitSeconds);
    }
}
