package com.sartiq.hub.compute.fal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sartiq.hub.common.storage.StorageProperties;
import com.sartiq.hub.compute.config.ConditionalOnRole;
import com.sartiq.hub.compute.tasks.ErrorCategory;
import com.sartiq.hub.compute.tasks.TaskFailedException;
import com.sartiq.hub.compute.tasks.TaskOutput;
import com.sartiq.hub.compute.tasks.TaskParams;
import com.sartiq.hub.processors.fal.FalImage;
import com.sartiq.hub.processors.fal.FalQueueProtocol;
import com.sartiq.hub.processors.fal.FalRequest;
import com.sartiq.hub.processors.fal.FalStatus;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.aws2.s3.AWS2S3Constants;
import org.apache.camel.processor.aggregate.GroupedBodyAggregationStrategy;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * GENERATION through fal's queue: submit and record the request ({@code fal.submit-generation}),
 * then check it on a timer until it completes ({@code fal.poll}, {@code fal.check}) and copy the
 * images into our storage ({@code fal.collect-result}). The request id is committed before the
 * worker lets go, so a restarted hub resumes the request instead of paying for a second one.
 */
@Component
@ConditionalOnRole("fal")
public class FalRoutes extends RouteBuilder {

    private static final String AUTHORIZATION = "Authorization";

    private final FalProperties fal;
    private final StorageProperties storage;
    private final ObjectMapper mapper;

    public FalRoutes(FalProperties fal, StorageProperties storage, ObjectMapper mapper) {
        this.fal = fal;
        this.storage = storage;
        this.mapper = mapper;
    }

    @Override
    public void configure() {
        from("direct:fal.submit-generation").routeId("fal.submit-generation").errorHandler(noErrorHandler())
            .process(e -> {
                TaskParams.Generation p = mapper.readValue(e.getMessage().getBody(String.class), TaskParams.Generation.class);
                e.setProperty("seed", p.seed());
                e.getMessage().setBody(FalQueueProtocol.generationInput(p.prompt(), p.negativePrompt(), p.width(), p.height(), p.seed()));
            })
            .removeHeaders("*")
            .setHeader(AUTHORIZATION, constant("Key " + fal.key()))
            .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
            .setHeader(Exchange.HTTP_METHOD, constant("POST"))
            .to(fal.baseUrl() + "/" + fal.generationModel() + "?" + fal.httpOptions()).id("fal.http.submit")
            .process(this::readSubmitAnswer)
            .to("sql:classpath:sql/compute/fal-request-save.sql")
            .log("Task ${exchangeProperty.taskId} submitted to fal as ${exchangeProperty.falRequestId}");

        from("timer:fal.poll?period=" + fal.pollIntervalMs()).routeId("fal.poll")
            .setBody(e -> Map.of("limit", 100, "leaseSeconds", Math.max(30, fal.responseTimeoutMs() / 1000 * 3)))
            .to("sql:classpath:sql/compute/fal-poll-claim.sql?outputType=SelectList")
            .split(body()).parallelProcessing()
                .to("direct:fal.check");

        from("direct:fal.check").routeId("fal.check").errorHandler(noErrorHandler())
            .setProperty("taskId", simple("${body[id]}"))
            .setProperty("seed", simple("${body[seed]}"))
            .setProperty("runningSeconds", simple("${body[running_seconds]}"))
            .process(e -> e.setProperty("falRequest", FalQueueProtocol.fromJson(e.getMessage().getBody(Map.class).get("provider_request").toString())))
            .doTry()
                .setHeader(Exchange.HTTP_URI, simple("${exchangeProperty.falRequest.statusUrl}"))
                .to("direct:fal.get")
                .process(e -> e.setProperty("falStatus", FalQueueProtocol.status(e.getMessage().getBody(String.class))))
                .choice()
                    .when(simple("${exchangeProperty.falStatus.failed}"))
                        .process(e -> {
                            FalStatus status = e.getProperty("falStatus", FalStatus.class);
                            throw new TaskFailedException(ErrorCategory.PROVIDER_ERROR,
                                    "fal request failed: " + status.error() + (status.errorType() == null ? "" : " (" + status.errorType() + ")"), false);
                        })
                    .when(simple("${exchangeProperty.falStatus.completed}"))
                        .to("direct:fal.collect-result")
                    .when(simple("${exchangeProperty.runningSeconds} > " + fal.timeoutSeconds()))
                        .to("direct:fal.cancel")
                        .throwException(new TaskFailedException(ErrorCategory.TIMEOUT,
                                "fal did not complete within " + fal.timeoutSeconds() + " s", false))
                    .otherwise()
                        .setBody(e -> Map.of("taskId", e.getProperty("taskId"), "progress", e.getProperty("falStatus", FalStatus.class).progress(),
                                "pollSeconds", fal.pollIntervalMs() / 1000.0))
                        .to("sql:classpath:sql/compute/task-progress.sql")
                        .to("sql:classpath:sql/compute/fal-poll-later.sql")
                .endChoice()
            .endDoTry()
            .doCatch(TaskFailedException.class)
                .setProperty("attempt", constant(1))
                .setProperty("maxAttempts", constant(1))
                .setProperty("retryDelaySeconds", constant(1))
                .to("direct:tasks.record-failure")
            .doCatch(Exception.class)
                // fal or our storage hiccuped: the request is still fal's, look again on a later tick
                .log(LoggingLevel.WARN, "Checking fal request of task ${exchangeProperty.taskId} failed, will retry: ${exception.message}")
            .end();

        from("direct:fal.collect-result").routeId("fal.collect-result").errorHandler(noErrorHandler())
            .setHeader(Exchange.HTTP_URI, simple("${exchangeProperty.falRequest.responseUrl}"))
            .to("direct:fal.get")
            .process(e -> e.getMessage().setBody(FalQueueProtocol.images(e.getMessage().getBody(String.class))))
            .split(body(), new GroupedBodyAggregationStrategy())
                .setProperty("falImage", body())
                .setHeader(AWS2S3Constants.KEY, simple("tasks/${exchangeProperty.taskId}/${exchangeProperty.CamelSplitIndex}.png"))
                .removeHeaders("*", AWS2S3Constants.KEY)
                .setHeader(Exchange.HTTP_URI, simple("${body.url}"))
                .setHeader(Exchange.HTTP_METHOD, constant("GET"))
                .to("http://fal-media?" + fal.httpOptions().replace("throwExceptionOnFailure=false", "throwExceptionOnFailure=true"))
                .convertBodyTo(byte[].class)
                .setHeader(AWS2S3Constants.CONTENT_TYPE, simple("${exchangeProperty.falImage.contentType}"))
                .to("direct:storage.put")
                .process(e -> {
                    FalImage image = e.getProperty("falImage", FalImage.class);
                    e.getMessage().setBody(new TaskOutput.Image(storage.publicUrl(e.getMessage().getHeader(AWS2S3Constants.KEY, String.class)),
                            image.width(), image.height(), image.contentType(), e.getProperty("seed", Long.class)));
                })
            .end()
            .process(e -> e.getMessage().setBody(new TaskOutput(e.getMessage().getBody(List.class))))
            .to("direct:tasks.complete");

        from("direct:fal.cancel").routeId("fal.cancel").errorHandler(noErrorHandler())
            .removeHeaders("*")
            .setHeader(AUTHORIZATION, constant("Key " + fal.key()))
            .setHeader(Exchange.HTTP_METHOD, constant("PUT"))
            .setHeader(Exchange.HTTP_URI, simple("${exchangeProperty.falRequest.cancelUrl}"))
            .to("http://fal-queue?" + fal.httpOptions())
            .log("Cancelled fal request of task ${exchangeProperty.taskId}: HTTP ${header.CamelHttpResponseCode}");

        from("direct:fal.get").routeId("fal.get").errorHandler(noErrorHandler())
            .removeHeaders("*", Exchange.HTTP_URI)
            .setHeader(AUTHORIZATION, constant("Key " + fal.key()))
            .setHeader(Exchange.HTTP_METHOD, constant("GET"))
            .setBody(constant(null))
            .to("http://fal-queue?" + fal.httpOptions())
            .filter(header(Exchange.HTTP_RESPONSE_CODE).isNotEqualTo(200))
                .throwException(IllegalStateException.class, "fal answered HTTP ${header.CamelHttpResponseCode}: ${body}")
            .end()
            .convertBodyTo(String.class);
    }

    private void readSubmitAnswer(Exchange exchange) throws Exception {
        int status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        String body = exchange.getMessage().getBody(String.class);
        if (status >= 400 && status < 500 && status != 429) {
            throw new TaskFailedException(ErrorCategory.INVALID_INPUT, "fal rejected the request (HTTP " + status + "): " + body, false);
        }
        if (status != 200 && status != 201 && status != 202) {
            // the submit may or may not have been enqueued: never re-send it blindly (a second paid job)
            throw new TaskFailedException(ErrorCategory.PROVIDER_ERROR, "fal submit answered HTTP " + status + ": " + body, false);
        }
        FalRequest request = FalQueueProtocol.submitted(body);
        exchange.setProperty("falRequestId", request.requestId());
        exchange.getMessage().setBody(Map.of("taskId", exchange.getProperty("taskId"), "providerRequest", FalQueueProtocol.toJson(request),
                "pollSeconds", fal.pollIntervalMs() / 1000.0));
    }
}
