package com.sartiq.hub.backend.compute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import java.io.IOException;

/**
 * The backend's client of the compute API:
 * <ul>
 *   <li>{@code compute.create-task} / {@code compute.create-training} / {@code compute.create-workflow}: body =
 *       request JSON, header {@code Idempotency-Key}; set property {@code taskId} (a workflow's: {@code workflowId})
 *       and {@code computeCreated} (compute's answer as JSON);</li>
 *   <li>{@code compute.get-task} / {@code compute.get-workflow}: header {@code task_id} / {@code workflow_id};
 *       answers the task or workflow as JSON; one compute does not know (404) is a {@link ComputeNotFoundException};</li>
 *   <li>{@code compute.cancel-task} / {@code compute.cancel-training} / {@code compute.cancel-workflow}: header
 *       {@code task_id} / {@code workflow_id}; one that already finished (409) or is unknown (404) is left as it is.</li>
 * </ul>
 * Connection failures, 5xx and 429 become {@link ComputeUnavailableException}, which callers may retry.
 */
@Component
public class ComputeClientRoutes extends RouteBuilder {

    private final ComputeProperties compute;
    private final ObjectMapper mapper;

    public ComputeClientRoutes(ComputeProperties compute, ObjectMapper mapper) {
        this.compute = compute;
        this.mapper = mapper;
    }

    @Override
    public void configure() {
        from("direct:compute.create-task").routeId("compute.create-task").errorHandler(noErrorHandler())
            .setProperty("computePath", constant("/api/v1/tasks/"))
            .to("direct:compute.post-create");

        from("direct:compute.create-training").routeId("compute.create-training").errorHandler(noErrorHandler())
            .setProperty("computePath", constant("/api/v1/training/"))
            .to("direct:compute.post-create");

        from("direct:compute.create-workflow").routeId("compute.create-workflow").errorHandler(noErrorHandler())
            .setProperty("computePath", constant("/api/v1/workflows/"))
            .to("direct:compute.post-create")
            .setProperty("workflowId", exchangeProperty("taskId"))
            .removeProperty("taskId");

        from("direct:compute.post-create").routeId("compute.post-create").errorHandler(noErrorHandler())
            // the caller's redelivery counters must survive, or its retries would never end
            .removeHeaders("*", "Idempotency-Key", "CamelRedelivery*", "CamelRedelivered")
            .setHeader("Authorization", constant("Bearer " + compute.apiKey()))
            .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
            .setHeader(Exchange.HTTP_METHOD, constant("POST"))
            .setHeader(Exchange.HTTP_URI, simple(compute.baseUrl() + "${exchangeProperty.computePath}"))
            .doTry()
                .to(ComputeClientConfiguration.HTTP + "://compute?throwExceptionOnFailure=false").id("compute.http.create-task")
            .doCatch(IOException.class)
                .throwException(ComputeUnavailableException.class, "compute did not answer: ${exception.message}")
            .end()
            .process(this::readCreatedTask);

        from("direct:compute.get-task").routeId("compute.get-task").errorHandler(noErrorHandler())
            .setProperty("computePath", simple("/api/v1/tasks/${header.task_id}"))
            .to("direct:compute.get");

        from("direct:compute.get-workflow").routeId("compute.get-workflow").errorHandler(noErrorHandler())
            .setProperty("computePath", simple("/api/v1/workflows/${header.workflow_id}"))
            .to("direct:compute.get");

        from("direct:compute.get").routeId("compute.get").errorHandler(noErrorHandler())
            .removeHeaders("*", "task_id", "workflow_id")
            .setHeader("Authorization", constant("Bearer " + compute.apiKey()))
            .setHeader(Exchange.HTTP_METHOD, constant("GET"))
            .setHeader(Exchange.HTTP_URI, simple(compute.baseUrl() + "${exchangeProperty.computePath}"))
            .setBody(constant(null))
            .doTry()
                .to(ComputeClientConfiguration.HTTP + "://compute?throwExceptionOnFailure=false").id("compute.http.get-task")
            .doCatch(IOException.class)
                .throwException(ComputeUnavailableException.class, "compute did not answer: ${exception.message}")
            .end()
            .filter(header(Exchange.HTTP_RESPONSE_CODE).isEqualTo(404))
                .throwException(ComputeNotFoundException.class, "compute does not know ${exchangeProperty.computePath} (HTTP 404)")
            .end()
            .filter(header(Exchange.HTTP_RESPONSE_CODE).isNotEqualTo(200))
                .throwException(ComputeUnavailableException.class, "compute answered HTTP ${header.CamelHttpResponseCode} for ${exchangeProperty.computePath}")
            .end()
            .process(e -> e.getMessage().setBody(mapper.readTree(e.getMessage().getBody(String.class))));

        from("direct:compute.cancel-task").routeId("compute.cancel-task").errorHandler(noErrorHandler())
            .setProperty("computePath", simple("/api/v1/tasks/${header.task_id}/cancel"))
            .to("direct:compute.post-cancel");

        from("direct:compute.cancel-training").routeId("compute.cancel-training").errorHandler(noErrorHandler())
            .setProperty("computePath", simple("/api/v1/training/${header.task_id}/cancel"))
            .to("direct:compute.post-cancel");

        from("direct:compute.cancel-workflow").routeId("compute.cancel-workflow").errorHandler(noErrorHandler())
            .setProperty("computePath", simple("/api/v1/workflows/${header.workflow_id}/cancel"))
            .to("direct:compute.post-cancel");

        from("direct:compute.post-cancel").routeId("compute.post-cancel").errorHandler(noErrorHandler())
            .removeHeaders("*", "task_id", "workflow_id")
            .setHeader("Authorization", constant("Bearer " + compute.apiKey()))
            .setHeader(Exchange.HTTP_METHOD, constant("POST"))
            .setHeader(Exchange.HTTP_URI, simple(compute.baseUrl() + "${exchangeProperty.computePath}"))
            .setBody(constant(null))
            .doTry()
                .to(ComputeClientConfiguration.HTTP + "://compute?throwExceptionOnFailure=false").id("compute.http.cancel-task")
            .doCatch(IOException.class)
                .throwException(ComputeUnavailableException.class, "compute did not answer: ${exception.message}")
            .end()
            .filter(simple("${header.CamelHttpResponseCode} >= 500 || ${header.CamelHttpResponseCode} == 429"))
                .throwException(ComputeUnavailableException.class, "compute answered HTTP ${header.CamelHttpResponseCode} to ${exchangeProperty.computePath}")
            .end();
    }

    private void readCreatedTask(Exchange exchange) throws IOException {
        int status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        String body = exchange.getMessage().getBody(String.class);
        if (status >= 500 || status == 429) {
            throw new ComputeUnavailableException("compute answered HTTP " + status + ": " + body);
        }
        if (status != 200 && status != 201) {
            throw new ComputeRefusedException("compute refused the task (HTTP " + status + "): " + body);
        }
        JsonNode created = mapper.readTree(body);
        exchange.setProperty("computeCreated", created);
        exchange.setProperty("taskId", created.path("id").asText());
    }
}
