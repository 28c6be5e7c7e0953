package com.sartiq.hub.compute.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sartiq.hub.common.rest.JsonRequestReader;
import com.sartiq.hub.compute.events.EventProperties;
import com.sartiq.hub.compute.fal.FalProperties;
import com.sartiq.hub.compute.tasks.TaskProperties;
import com.sartiq.hub.compute.tasks.TaskRequestReader;
import com.sartiq.hub.compute.workers.WorkerProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.util.Map;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ComputeRoles.class, EventProperties.class, FalProperties.class, TaskProperties.class})
public class ComputeConfiguration {

    /** {@code hub.workers.<queue>.*} is a map keyed by queue name; {@code hub.worker.*} holds the process-wide knobs. */
    @Bean
    public WorkerProperties workerProperties(Environment environment) {
        Binder binder = Binder.get(environment);
        Map<String, WorkerProperties.Queue> queues = binder.bind("hub.workers", Bindable.mapOf(String.class, WorkerProperties.Queue.class))
                .orElse(Map.of());
        WorkerProperties.Process process = binder.bind("hub.worker", WorkerProperties.Process.class).orElse(null);
        return new WorkerProperties(queues, process);
    }

    @Bean
    public TaskRequestReader taskRequestReader(JsonRequestReader reader, ObjectMapper mapper, WorkerProperties workers, TaskProperties tasks) {
        return new TaskRequestReader(reader, mapper, workers, tasks);
    }
}
