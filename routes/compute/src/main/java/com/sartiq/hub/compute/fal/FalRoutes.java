package com.sartiq.hub.compute.fal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sartiq.hub.compute.config.ConditionalOnRole;
import com.sartiq.hub.compute.providers.ProviderCallException;
import com.sartiq.hub.compute.providers.ProviderCalls;
import com.sartiq.hub.compute.tasks.ErrorCategory;
import com.sartiq.hub.compute.tasks.TaskFailedException;
import com.sartiq.hub.processors.fal.FalModel;
import com.sartiq.hub.processors.fal.FalQueueProtocol;
import com.sartiq.hub.processors.fal.FalRequest;
import com.sartiq.hub.processors.fal.FalStatus;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Every fal task type through fal's queue. {@code fal.submit}: map the task's parameters to its model's
 * input (configuration), take a slot of the cross-instance limit, write a "submitting" marker, POST once
 * (through the {@code provider-call} template, which repeats it only when it provably never left), and record
 * the request. Completion arrives by webhook ({@link FalWebhookRoutes}); {@code fal.poll} checks requests whose
 * webhook is late, and those submits whose outcome is unknown. The slot is held until the result is stored.
 * A task cancelled through the API gets its fal request cancelled and its slot back from {@code fal.cancel-cancelled}.
 */
@Component
@ConditionalOnRole("fal")
public class FalRoutes extends RouteBuilder {

    private final FalProperties fal;
    private final FalSlots slots;
    private final ObjectMapper mapper;
    private org.apache.camel.ProducerTemplate producer;

    public FalRoutes(FalProperties fal, FalSlots slots, ObjectMapper mapper) {
        this.fal = fal;
        this.slots = slots;
        this.mapper = mapper;
    }

    @Override
    public void configure() {
        from("direct:fal.submit").routeId("fal.submit").errorHandler(noErrorHandler())
            .process(this::prepareSubmit)
            .filter(method(slots, "acquire").isEqualTo(false))
                .log(LoggingLevel.INFO, "No fal slot free for task ${exchangeProperty.taskId}: back to the queue")
                .setBody(e -> Map.of("taskId", e.getProperty("taskId"), "delaySeconds", 1))
                .to("sql:classpath:sql/compute/fal-requeue.sql")
                .stop()
            .end()
            .setProperty("falSubmitBody", body())
            .setBody(e -> Map.of("taskId", e.getProperty("taskId"), "waitSeconds", fal.ambiguousWaitSeconds(),
                    "marker", marker(e, "submitting")))
            .to("sql:classpath:sql/compute/fal-submit-begin.sql")
            .filter(header("CamelSqlUpdateCount").isEqualTo(0))
                // already submitted by an earlier attempt: never a second time
                .log(LoggingLevel.WARN, "Task ${exchangeProperty.taskId} already has a fal request: not submitting again")
                .bean(slots, "release")
                .stop()
            .end()
            .setBody(exchangeProperty("falSubmitBody"))
            .setProperty(ProviderCalls.METHOD, constant("POST"))
            .setProperty(FalCallRecords.OPERATION, constant("submit"))
            .setProperty(FalCallRecords.ENDPOINT, constant("fal"))
            .doTry()
                .to("direct:fal.call")
                .process(this::readSubmitAnswer)
                .to("sql:classpath:sql/compute/fal-request-save.sql")
                .log("Task ${exchangeProperty.taskId} submitted to fal as ${exchangeProperty.falRequestId}")
            .doCatch(Exception.class)
                .setProperty("falSubmitFailure", exchangeProperty(Exchange.EXCEPTION_CAUGHT))
            .end()
            .filter(exchangeProperty("falSubmitFailure").isNotNull())
                .process(this::submitFailed)
            .end();

        from("timer:fal.status-poll?period=" + fal.pollIntervalMs()).routeId("fal.poll")
            .setBody(e -> Map.of("limit", 100, "leaseSeconds", Math.max(30, fal.responseTimeoutMs() / 1000 * 3)))
            .to("sql:classpath:sql/compute/fal-poll-claim.sql?outputType=SelectList")
            .split(body()).parallelProcessing()
                .to("direct:fal.check");

        from("direct:fal.check").routeId("fal.check").errorHandler(noErrorHandler())
            .setProperty("taskId", simple("${body[id]}"))
            .setProperty("taskType", simple("${body[task_type]}"))
            .setProperty("attempt", simple("${body[attempt]}"))
            .setProperty("maxAttempts", simple("${body[max_attempts]}"))
            .setProperty("runningSeconds", simple("${body[running_seconds]}"))
            .process(e -> e.setProperty("params", mapper.readTree(e.getMessage().getBody(Map.class).get("params").toString())))
            .process(e -> e.setProperty("falRequestJson", mapper.readTree(e.getMessage().getBody(Map.class).get("provider_request").toString())))
            .process(e -> e.setProperty("falModelId", e.getProperty("falRequestJson", JsonNode.class).path("model").asText(null)))
            .bean(slots, "renew")
            .doTry()
                .choice()
                    .when(e -> !e.getProperty("falRequestJson", JsonNode.class).hasNonNull("request_id"))
                        // the submit's answer was lost and no webhook named this task within the wait
                        .process(e -> {
                            throw new TaskFailedException(ErrorCategory.PROVIDER_ERROR, "fal submit outcome unknown ("
                                    + e.getProperty("falRequestJson", JsonNode.class).path("error").asText("hub stopped mid-submit")
                                    + "); not submitted again, a second submit could be a second paid job", false);
                        })
                    .otherwise()
                        .to("direct:fal.check-status")
                .end()
            .endDoTry()
            .doCatch(TaskFailedException.class)
                .to("direct:fal.fail")
            .doCatch(Exception.class)
                // fal or our storage hiccuped: the request is still fal's, look again on a later tick
                .log(LoggingLevel.WARN, "Checking fal request of task ${exchangeProperty.taskId} failed, will retry: ${exception.message}")
            .end();

        from("direct:fal.check-status").routeId("fal.check-status").errorHandler(noErrorHandler())
            .process(e -> e.setProperty("falRequest", request(e.getProperty("falRequestJson", JsonNode.class))))
            // a training's progress is only in its logs
            .process(e -> e.setProperty(ProviderCalls.URL, e.getProperty("falRequest", FalRequest.class).statusUrl()
                    + (training(e) ? "?logs=1" : "")))
            .setProperty(ProviderCalls.METHOD, constant("GET"))
            .setProperty(FalCallRecords.OPERATION, constant("status"))
            .setProperty(FalCallRecords.ENDPOINT, constant("fal-read"))
            .to("direct:fal.call")
            .process(e -> e.setProperty("falStatus", FalQueueProtocol.status(e.getMessage().getBody(String.class))))
            .choice()
                .when(simple("${exchangeProperty.falStatus.failed}"))
                    .process(e -> {
                        FalStatus status = e.getProperty("falStatus", FalStatus.class);
                        throw new TaskFailedException(ErrorCategory.PROVIDER_ERROR,
                                "fal request failed: " + status.error() + (status.errorType() == null ? "" : " (" + status.errorType() + ")"), false);
                    })
                .when(simple("${exchangeProperty.falStatus.completed}"))
                    .setBody(e -> Map.of("taskId", e.getProperty("taskId"), "requestId", e.getProperty("falRequest", FalRequest.class).requestId(),
                            "leaseSeconds", Math.max(60, fal.responseTimeoutMs() / 1000 * 4)))
                    .to("sql:classpath:sql/compute/fal-collect-claim.sql?outputType=SelectOne")
                    .filter(body().isNotNull())
                        .setProperty(ProviderCalls.URL, simple("${exchangeProperty.falRequest.responseUrl}"))
                        .setProperty(ProviderCalls.METHOD, constant("GET"))
                        .setProperty(FalCallRecords.OPERATION, constant("result"))
                        .to("direct:fal.call")
                        .process(e -> e.getMessage().setBody(mapper.readTree(e.getMessage().getBody(String.class))))
                        .to("direct:fal.collect")
                    .end().endChoice()
                .when(e -> e.getProperty("runningSeconds", Double.class) > timeoutSeconds(e))
                    .to("direct:fal.cancel")
                    .process(e -> {
                        throw new TaskFailedException(ErrorCategory.TIMEOUT, "fal did not complete within " + timeoutSeconds(e) + " s", false);
                    })
                .otherwise()
                    .setBody(e -> {
                        FalStatus status = e.getProperty("falStatus", FalStatus.class);
                        return Map.of("taskId", e.getProperty("taskId"), "progress", training(e) ? status.trainingProgress() : status.progress(),
                                "pollSeconds", pollSeconds(e));
                    })
                    .to("sql:classpath:sql/compute/task-progress.sql")
                    .to("sql:classpath:sql/compute/fal-poll-later.sql")
            .end();

        from("timer:fal.cancel-cancelled?period=" + fal.pollIntervalMs()).routeId("fal.cancel-cancelled")
            .setBody(constant(Map.of("limit", 100)))
            .to("sql:classpath:sql/compute/fal-cancel-claim.sql?outputType=SelectList")
            .split(body())
                .setProperty("taskId", simple("${body[id]}"))
                .log("Task ${exchangeProperty.taskId} was cancelled: cancelling its fal request")
                .to("direct:fal.cancel-task");

        from("direct:fal.cancel-task").routeId("fal.cancel-task").errorHandler(noErrorHandler())
            .setBody(e -> Map.of("taskId", e.getProperty("taskId")))
            .to("sql:classpath:sql/compute/fal-request-by-task.sql?outputType=SelectOne")
            .doTry()
                .filter(simple("${body} != null && ${body[provider_request]} != null"))
                    .process(e -> {
                        JsonNode request = mapper.readTree(e.getMessage().getBody(Map.class).get("provider_request").toString());
                        if (request.hasNonNull("cancel_url")) {
                            e.setProperty("falRequest", FalQueueProtocol.fromJson(request.toString()));
                            e.setProperty("falModelId", request.path("model").asText(null));
                        }
                    })
                    .filter(exchangeProperty("falRequest").isNotNull())
                        .to("direct:fal.cancel")
                    .end()
                .end().endDoTry()
            .doCatch(Exception.class)
                .log(LoggingLevel.WARN, "Cancelling the fal request of task ${exchangeProperty.taskId} failed: ${exception.message}")
            .doFinally()
                .bean(slots, "release")
            .end();

        from("direct:fal.cancel").routeId("fal.cancel").errorHandler(noErrorHandler())
            .setProperty(ProviderCalls.URL, simple("${exchangeProperty.falRequest.cancelUrl}"))
            .setProperty(ProviderCalls.METHOD, constant("PUT"))
            .setBody(constant(""))
            .setProperty(FalCallRecords.OPERATION, constant("cancel"))
            .setProperty(FalCallRecords.ENDPOINT, constant("fal-read"))
            .doTry()
                .to("direct:fal.call")
                .log("Cancelled fal request of task ${exchangeProperty.taskId}: ${body}")
            .doCatch(ProviderCallException.class)
                // 400 ALREADY_COMPLETED / 404 NOT_FOUND: nothing left to cancel
                .log("fal cancel of task ${exchangeProperty.taskId}: ${exception.message}")
            .end();
    }

    private void prepareSubmit(Exchange exchange) throws Exception {
        String taskType = exchange.getProperty("taskType", String.class);
        FalModel model;
        JsonNode params;
        try {
            model = fal.model(taskType);
            params = mapper.readTree(exchange.getMessage().getBody(String.class));
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new TaskFailedException(ErrorCategory.INVALID_INPUT, e.getMessage(), false);
        }
        String url = fal.baseUrl() + "/" + model.model();
        if (fal.webhooks()) {
            String hook = fal.webhookUrl() + (fal.webhookUrl().contains("?") ? "&" : "?") + "task_id=" + exchange.getProperty("taskId");
            url += "?fal_webhook=" + URLEncoder.encode(hook, StandardCharsets.UTF_8);
        }
        exchange.setProperty("falModelId", model.model());
        exchange.setProperty(ProviderCalls.URL, url);
        exchange.setProperty(ProviderCalls.HOLDER, exchange.getProperty("taskId"));
        exchange.getMessage().setBody(model.input(params).toString());
    }

    private String marker(Exchange exchange, String state) {
        ObjectNode marker = mapper.createObjectNode().put("state", state).put("model", exchange.getProperty("falModelId", String.class));
        return marker.toString();
    }

    private void readSubmitAnswer(Exchange exchange) throws Exception {
        FalRequest request;
        try {
            request = FalQueueProtocol.submitted(exchange.getMessage().getBody(String.class));
        } catch (Exception e) {
            // fal accepted (2xx) but we cannot read the id: the job may well exist
            throw new ProviderCallException("fal", ProviderCallException.Kind.AMBIGUOUS, 200, 0, "unreadable submit answer: " + e.getMessage(), e);
        }
        exchange.setProperty("falRequestId", request.requestId());
        ObjectNode json = (ObjectNode) mapper.readTree(FalQueueProtocol.toJson(request));
        json.put("state", "submitted").put("model", exchange.getProperty("falModelId", String.class));
        Map<String, Object> row = new HashMap<>();
        row.put("taskId", exchange.getProperty("taskId"));
        row.put("providerRequest", json.toString());
        row.put("pollSeconds", pollSeconds(exchange));
        exchange.getMessage().setBody(row);
    }

    /**
     * What a failed submit means. Provably not accepted (refused, 429/503 answer, paused, circuit open): forget the
     * marker and let the task retry. Rejected as invalid: fail. Outcome unknown (timeout, 5xx gateway error,
     * unreadable answer): the configured policy, never a silent second submit.
     */
    private void submitFailed(Exchange exchange) {
        Throwable failure = exchange.getProperty("falSubmitFailure", Throwable.class);
        String taskId = exchange.getProperty("taskId", String.class);
        ProviderCallException call = failure instanceof ProviderCallException p ? p : null;
        boolean ambiguous = call == null || call.kind() == ProviderCallException.Kind.AMBIGUOUS
                || (call.kind() == ProviderCallException.Kind.UNAVAILABLE && call.status() != 503);
        var template = producer(exchange);
        if (!ambiguous) {
            template.sendBody("sql:classpath:sql/compute/fal-submit-abandon.sql", Map.of("taskId", taskId));
            slots.release(taskId);
            if (call.kind() == ProviderCallException.Kind.INVALID) {
                throw new TaskFailedException(ErrorCategory.INVALID_INPUT, "fal rejected the request: " + call.getMessage(), false);
            }
            throw new TaskFailedException(call.kind() == ProviderCallException.Kind.NOT_SENT ? ErrorCategory.NETWORK : ErrorCategory.PROVIDER_ERROR,
                    "fal did not accept the request: " + call.getMessage(), true);
        }
        String error = "submit outcome unknown: " + failure.getMessage();
        switch (fal.ambiguousSubmit()) {
            case "await-webhook" -> {
                // keep the slot: fal may be running it. The poller fails the task if no webhook names it in time.
                template.sendBody("sql:classpath:sql/compute/fal-submit-unknown.sql",
                        Map.of("taskId", taskId, "error", error, "waitSeconds", fal.ambiguousWaitSeconds()));
                log.warn("Task {}: {}; waiting up to {} s for fal's webhook instead of submitting again", taskId, error, fal.ambiguousWaitSeconds());
            }
            case "resubmit" -> {
                template.sendBody("sql:classpath:sql/compute/fal-submit-abandon.sql", Map.of("taskId", taskId));
                slots.release(taskId);
                throw new TaskFailedException(ErrorCategory.TIMEOUT, error + " (policy resubmit: may run twice at fal)", true);
            }
            default -> {
                template.sendBody("sql:classpath:sql/compute/fal-submit-unknown.sql",
                        Map.of("taskId", taskId, "error", error, "waitSeconds", 0));
                slots.release(taskId);
                throw new TaskFailedException(ErrorCategory.TIMEOUT, error + "; not submitted again", false);
            }
        }
    }

    private synchronized org.apache.camel.ProducerTemplate producer(Exchange exchange) {
        if (producer == null) {
            producer = exchange.getContext().createProducerTemplate();
        }
        return producer;
    }

    /** The URLs fal answered at submit, else (adopted by a webhook, the answer lost) the documented ones. */
    private FalRequest request(JsonNode saved) throws java.io.IOException {
        FalRequest request = FalQueueProtocol.fromJson(saved.toString());
        if (request.statusUrl() != null || !saved.hasNonNull("model")) {
            return request;
        }
        return FalRequest.documented(fal.baseUrl(), saved.get("model").asText(), request.requestId());
    }

    private static boolean training(Exchange exchange) {
        return "TRAINING".equals(exchange.getProperty("taskType", String.class));
    }

    /** When to look at a request again: a training every few seconds for its progress, others when their webhook is late. */
    private double pollSeconds(Exchange exchange) {
        if (training(exchange)) {
            return fal.trainingPollSeconds();
        }
        return fal.webhooks() ? fal.fallbackPollSeconds() : fal.pollIntervalMs() / 1000.0;
    }

    private int timeoutSeconds(Exchange exchange) {
        return training(exchange) ? fal.trainingTimeoutSeconds() : fal.timeoutSeconds();
    }
}
