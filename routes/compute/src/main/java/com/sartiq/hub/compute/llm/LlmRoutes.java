package com.sartiq.hub.compute.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sartiq.hub.compute.config.ConditionalOnRole;
import com.sartiq.hub.compute.providers.ProviderCallException;
import com.sartiq.hub.compute.providers.ProviderStates;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * LLM_INTERACTION ({@code direct:llm.interact}): each provider in the failover order is called through its
 * {@code provider-call} template instance (retries honouring the provider's hints, circuit breaker); a provider
 * that is paused, open or exhausted hands over to the next. The answer, its token usage and every provider
 * tried become the task's output; the attempts also land in {@code provider_attempt}.
 */
@Component
@ConditionalOnRole("llm")
@EnableConfigurationProperties(LlmProperties.class)
public class LlmRoutes extends RouteBuilder {

    private final LlmTasks tasks;

    public LlmRoutes(ProviderStates providers, LlmProperties llm, ObjectMapper mapper) {
        this.tasks = new LlmTasks(providers, llm, mapper);
    }

    @Override
    public void configure() {
        from("direct:llm.interact").routeId("llm.interact").errorHandler(noErrorHandler())
            .bean(tasks, "plan")
            .loopDoWhile(method(tasks, "next"))
                .doTry()
                    .bean(tasks, "request")
                    .toD("direct:provider.${exchangeProperty.llmProvider}.call")
                    .bean(tasks, "answered")
                .endDoTry()
                .doCatch(ProviderCallException.class)
                    .bean(tasks, "failed")
                    .log(LoggingLevel.INFO, "Task ${exchangeProperty.taskId}: ${exchangeProperty.llmProvider} failed"
                            + " (${exception.message}), next provider if any")
                .end()
            .end()
            .to("direct:llm.record-attempts")
            .bean(tasks, "output")
            .log("Task ${exchangeProperty.taskId} answered by ${exchangeProperty.llmProvider}")
            .to("direct:tasks.complete");

        from("direct:llm.record-attempts").routeId("llm.record-attempts").errorHandler(noErrorHandler())
            .setProperty("llmOriginalBody", body())
            .setBody(method(tasks, "attemptRows"))
            .split(body())
                .to("sql:classpath:sql/compute/provider-attempt-insert.sql")
            .end()
            .setBody(exchangeProperty("llmOriginalBody"));
    }
}
