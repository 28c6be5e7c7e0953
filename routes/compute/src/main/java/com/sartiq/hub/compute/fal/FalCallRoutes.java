package com.sartiq.hub.compute.fal;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * {@code direct:fal.call}: one fal call through its {@code provider-call} instance (exchange property
 * {@code falEndpoint}: {@code fal} for queue submits, {@code fal-read} for status/result/cancel, {@code fal-sync}
 * for synchronous runs), written to the job history ({@code provider_attempt}) whatever its outcome; the answer
 * comes back on the message, a failure is thrown again. A job-history write that fails is logged, never the
 * call's outcome.
 */
@Component
public class FalCallRoutes extends RouteBuilder {

    private final FalCallRecords records = new FalCallRecords();

    @Override
    public void configure() {
        from("direct:fal.call").routeId("fal.call").errorHandler(noErrorHandler())
            .bean(records, "start")
            .doTry()
                .toD("direct:provider.${exchangeProperty.falEndpoint}.call")
                .bean(records, "succeeded")
            .doCatch(Exception.class)
                .bean(records, "failed")
            .end()
            .setBody(method(records, "row"))
            .doTry()
                .to("sql:classpath:sql/compute/provider-attempt-insert.sql")
            .doCatch(Exception.class)
                .log(LoggingLevel.WARN, "Job history of task ${exchangeProperty.taskId} not written: ${exception.message}")
            .end()
            .bean(records, "finish");
    }
}
