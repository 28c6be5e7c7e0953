package com.sartiq.hub.compute.tasks;

import org.springframework.boot.context.properties.ConfigurationProperties;

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
 */
@ConfigurationProperties("hub.tasks")
public record TaskProperties(Map<TaskType, Integer> timeLimitSeconds, Integer defaultTimeLimitSeconds,
                             Integer historyRetentionDays, Integer maxPriority) {

    public TaskProperties {
        timeLimitSeconds = timeLimitSeconds == null ? new EnumMap<>(TaskType.class) : new EnumMap<>(timeLimitSeconds);
        defaultTimeLimitSeconds = defaultTimeLimitSeconds == null ? 1800 : defaultTimeLimitSeconds;
        historyRetentionDays = historyRetentionDays == null ? 30 : historyRetentionDays;
        maxPriority = maxPriority == null ? 10 : maxPriority;
    }

    public int timeLimitSeconds(TaskType type) {
        return timeLimitSeconds.getOrDefault(type, defaultTimeLimitSeconds);
    }
}
