package com.sartiq.hub.compute.events;

import com.sartiq.hub.common.security.WebhookSignature;
import com.sartiq.hub.compute.config.ConditionalOnRole;
import com.sartiq.hub.compute.tasks.Backoff;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Delivers the outbox: each task's (and each workflow's) events in order, published on Redis (best effort: it
 * only wakes listeners) and POSTed, signed, to the task's (the workflow's) {@code webhook_url} with retries and back-off.
 */
@Component
@ConditionalOnRole("events")
public class EventRelayRoutes extends RouteBuilder {

    private final EventProperties events;
    private final String channel;

    public EventRelayRoutes(EventProperties events, @Value("${hub.redis.key-prefix:}") String keyPrefix) {
        this.events = events;
        this.channel = keyPrefix + events.channel();
    }

    @Override
    public void configure() {
        from("timer:events.relay?period=" + events.relayIntervalMs()).routeId("events.relay")
            .setBody(e -> Map.of("limit", events.batchSize(), "leaseSeconds", Math.max(30, events.webhookTimeoutMs() / 1000 * 3)))
            .to("sql:classpath:sql/compute/event-claim.sql?outputType=SelectList")
            .split(body()).parallelProcessing()
                .to("direct:events.deliver");

        from("direct:events.deliver").routeId("events.deliver").errorHandler(noErrorHandler())
            .setProperty("eventId", simple("${body[id]}"))
            .setProperty("owner", simple("${body[owner]}"))
            .setProperty("payload", simple("${body[payload]}"))
            .setProperty("webhookUrl", simple("${body[webhook_url]}"))
            .setProperty("attempts", simple("${body[attempts]}"))
            .filter(simple("${body[published]} == false"))
                .to("direct:events.publish")
            .end()
            .choice()
                .when(exchangeProperty("webhookUrl").isNull())
                    .to("direct:events.delivered")
                .otherwise()
                    .to("direct:events.post-webhook");

        from("direct:events.publish").routeId("events.publish").errorHandler(noErrorHandler())
            .doTry()
                .setHeader("CamelRedis.Channel", constant(channel))
                .setHeader("CamelRedis.Message", exchangeProperty("payload"))
                .to("spring-redis://redis?command=PUBLISH&redisTemplate=#stringRedisTemplate")
                .setBody(e -> Map.of("eventId", e.getProperty("eventId")))
                .to("sql:classpath:sql/compute/event-published.sql")
            .doCatch(Exception.class)
                // Redis only wakes listeners; the webhook and GET /tasks/{id} still carry the truth
                .log(LoggingLevel.WARN, "Publishing event ${exchangeProperty.eventId} on Redis failed: ${exception.message}")
            .end();

        from("direct:events.post-webhook").routeId("events.post-webhook").errorHandler(noErrorHandler())
            .doTry()
                .removeHeaders("*")
                .setBody(exchangeProperty("payload"))
                .process(this::sign)
                .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                .setHeader(Exchange.HTTP_URI, exchangeProperty("webhookUrl"))
                .to("http://task-webhook?throwExceptionOnFailure=true&automaticRetriesDisabled=true"
                        + "&connectTimeout=" + events.webhookTimeoutMs() + "&responseTimeout=" + events.webhookTimeoutMs()
                        + "&connectionRequestTimeout=" + events.webhookTimeoutMs())
                .to("direct:events.delivered")
            .doCatch(Exception.class)
                .process(this::retryLater)
                .to("sql:classpath:sql/compute/event-retry.sql")
                .log(LoggingLevel.WARN, "Webhook for ${exchangeProperty.owner} event ${exchangeProperty.eventId} failed "
                        + "(attempt ${exchangeProperty.attempts}/" + events.maxAttempts() + "): ${exception.message}")
            .end();

        from("direct:events.delivered").routeId("events.delivered").errorHandler(noErrorHandler())
            .setBody(e -> Map.of("eventId", e.getProperty("eventId")))
            .to("sql:classpath:sql/compute/event-delivered.sql");
    }

    private void sign(Exchange exchange) {
        long timestamp = System.currentTimeMillis() / 1000;
        String body = exchange.getMessage().getBody(String.class);
        exchange.getMessage().setHeader(WebhookSignature.TIMESTAMP_HEADER, String.valueOf(timestamp));
        exchange.getMessage().setHeader(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(events.webhookSecret(), timestamp, body));
    }

    private void retryLater(Exchange exchange) {
        int attempts = exchange.getProperty("attempts", Integer.class);
        long delay = Backoff.ceilingSeconds(attempts, events.retryDelaySeconds());
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        exchange.getMessage().setBody(Map.of("eventId", exchange.getProperty("eventId"), "delaySeconds", delay,
                "error", String.valueOf(failure.getMessage()), "maxAttempts", events.maxAttempts()));
    }
}
