package com.sartiq.hub.compute.fal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sartiq.hub.common.rest.ApiException;
import com.sartiq.hub.common.rest.JsonResponses;
import com.sartiq.hub.common.rest.RestErrorHandling;
import com.sartiq.hub.compute.config.ConditionalOnRole;
import com.sartiq.hub.compute.tasks.ErrorCategory;
import com.sartiq.hub.compute.tasks.TaskFailedException;
import com.sartiq.hub.processors.fal.FalWebhook;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestParamType;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.UUID;

/**
 * {@code POST /api/v1/webhooks/fal?task_id=…}: fal's completion call. Verified first (signature, window, replay:
 * otherwise 401 and nothing changes), then idempotent on fal's request id: the first delivery that claims the
 * task collects the result, re-deliveries and late copies find the task done and change nothing. Collecting
 * runs before the answer, so a failure answers 500 and fal delivers again (the poller also remains).
 */
@Component
@ConditionalOnRole("api")
public class FalWebhookRoutes extends RouteBuilder {

    private final FalWebhookVerification verification;
    private final FalProperties fal;
    private final JsonResponses json;
    private final ObjectMapper mapper;

    public FalWebhookRoutes(FalWebhookVerification verification, FalProperties fal, JsonResponses json, ObjectMapper mapper) {
        this.verification = verification;
        this.fal = fal;
        this.json = json;
        this.mapper = mapper;
    }

    @Override
    public void configure() {
        rest("/webhooks").tag("webhooks").description("Provider callbacks")
            .post("/fal").id("rest.webhooks.fal")
                .description("fal's completion webhook for a submitted task. Authenticated by fal's Ed25519 signature "
                        + "(X-Fal-Webhook-* headers, keys from fal's JWKS), not by an API key. Idempotent on request_id.")
                .consumes("application/json").produces("application/json")
                .param().name("task_id").type(RestParamType.query).required(true).description("Our task, as put in fal_webhook at submit").endParam()
                .param().name("X-Fal-Webhook-Signature").type(RestParamType.header).required(true).description("hex Ed25519 signature").endParam()
                .param().name("X-Fal-Webhook-Timestamp").type(RestParamType.header).required(true).description("epoch seconds").endParam()
                .param().name("X-Fal-Webhook-Request-Id").type(RestParamType.header).required(true).endParam()
                .param().name("X-Fal-Webhook-User-Id").type(RestParamType.header).required(true).endParam()
                .responseMessage().code(200).message("Handled, or already handled (status: completed, failed or ignored)").endResponseMessage()
                .responseMessage().code(401).message("Signature missing, invalid, stale or replayed").endResponseMessage()
                .responseMessage().code(422).message("Not a fal webhook body").endResponseMessage()
                .to("direct:fal.webhook");

        from("direct:fal.webhook").routeId("fal.webhook").routeConfigurationId(RestErrorHandling.ID)
            .convertBodyTo(byte[].class)
            .bean(verification, "verify")
            .process(this::read)
            .setBody(e -> Map.of("taskId", e.getProperty("taskId"), "requestId", e.getProperty("falWebhook", FalWebhook.class).requestId(),
                    "leaseSeconds", Math.max(60, fal.responseTimeoutMs() / 1000 * 4)))
            .to("sql:classpath:sql/compute/fal-collect-claim.sql?outputType=SelectOne")
            .choice()
                .when(body().isNull())
                    .log("fal webhook for task ${exchangeProperty.taskId} (request ${exchangeProperty.falWebhookRequestId}): already handled or unknown")
                    .setProperty("webhookOutcome", constant("ignored"))
                .otherwise()
                    .setProperty("taskType", simple("${body[task_type]}"))
                    .setProperty("attempt", simple("${body[attempt]}"))
                    .setProperty("maxAttempts", simple("${body[max_attempts]}"))
                    .process(e -> e.setProperty("params", mapper.readTree(e.getMessage().getBody(Map.class).get("params").toString())))
                    .to("direct:fal.webhook-apply")
            .end()
            .setBody(e -> Map.of("status", e.getProperty("webhookOutcome")))
            .process(json.ok());

        from("direct:fal.webhook-apply").routeId("fal.webhook-apply").errorHandler(noErrorHandler())
            .doTry()
                .choice()
                    .when(simple("${exchangeProperty.falWebhook.ok}"))
                        .setBody(simple("${exchangeProperty.falWebhook.payload}"))
                        .to("direct:fal.collect")
                        .setProperty("webhookOutcome", constant("completed"))
                    .otherwise()
                        .process(e -> e.setProperty(Exchange.EXCEPTION_CAUGHT, new TaskFailedException(ErrorCategory.PROVIDER_ERROR,
                                "fal request failed: " + e.getProperty("falWebhook", FalWebhook.class).error(), false)))
                        .to("direct:fal.fail")
                        .setProperty("webhookOutcome", constant("failed"))
                .end()
            .endDoTry()
            .doCatch(Exception.class)
                .setProperty("collectFailure", exchangeProperty(Exchange.EXCEPTION_CAUGHT))
                .setBody(e -> Map.of("taskId", e.getProperty("taskId")))
                .to("sql:classpath:sql/compute/fal-collect-release.sql")
            .end()
            .filter(exchangeProperty("collectFailure").isNotNull())
                .process(e -> {
                    throw new IllegalStateException("collecting the fal result failed, deliver again: "
                            + e.getProperty("collectFailure", Throwable.class).getMessage());
                })
            .end();
    }

    private void read(Exchange exchange) {
        String taskId = exchange.getMessage().getHeader("task_id", String.class);
        try {
            UUID.fromString(taskId == null ? "" : taskId);
        } catch (IllegalArgumentException e) {
            throw new ApiException(422, "task_id must be a task id (UUID)");
        }
        FalWebhook webhook;
        try {
            webhook = FalWebhook.parse(exchange.getMessage().getBody(byte[].class));
        } catch (Exception e) {
            throw new ApiException(422, "Not a fal webhook: " + e.getMessage());
        }
        if (!webhook.requestId().equals(exchange.getProperty("falWebhookRequestId"))) {
            throw ApiException.unauthorized("Invalid webhook signature: request_id differs from the signed one");
        }
        exchange.setProperty("taskId", taskId);
        exchange.setProperty("falWebhook", webhook);
    }
}
