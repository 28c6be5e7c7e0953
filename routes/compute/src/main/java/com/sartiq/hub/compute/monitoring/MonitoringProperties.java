package com.sartiq.hub.compute.monitoring;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param metricsIntervalMs how often the queue gauges (depth, oldest task age, running, retries) are read from the database
 */
@ConfigurationProperties("hub.monitoring")
public record MonitoringProperties(Long metricsIntervalMs) {

    public MonitoringProperties {
        metricsIntervalMs = metricsIntervalMs == null ? 5_000L : metricsIntervalMs;
    }
}
