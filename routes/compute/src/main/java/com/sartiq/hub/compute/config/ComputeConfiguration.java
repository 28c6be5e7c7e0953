package com.sartiq.hub.compute.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sartiq.hub.common.rest.JsonRequestReader;
import com.sartiq.hub.compute.events.EventProperties;
import com.sartiq.hub.compute.fal.FalProperties;
import com.sartiq.hub.compute.tasks.TaskRequestReader;
import com.sartiq.hub.compute.workers.WorkerProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ComputeRoles.class, WorkerProperties.class, EventProperties.class, FalProperties.class})
public class ComputeConfiguration {

    @Bean
    public TaskRequestReader taskRequestReader(JsonRequestReader reader, ObjectMapper mapper, WorkerProperties workers) {
        return new TaskRequestReader(reader, mapper, workers);
    }
}
