package com.sartiq.hub.compute.workflows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sartiq.hub.compute.config.ConditionalOnRole;
import com.sartiq.hub.compute.tasks.TaskRequestReader;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WorkflowProperties.class)
public class WorkflowConfiguration {

    /** Read and checked once at start: an invalid template stops the API process, naming its file, step and field. */
    @Bean
    @ConditionalOnRole("api")
    public WorkflowTemplates workflowTemplates(WorkflowProperties workflows, TaskRequestReader tasks, ObjectMapper mapper) {
        return WorkflowTemplates.load(workflows.templatesDir(), new WorkflowSteps(tasks, mapper), mapper);
    }
}
