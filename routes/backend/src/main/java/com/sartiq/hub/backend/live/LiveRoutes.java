package com.sartiq.hub.backend.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sartiq.hub.backend.generations.GenerationPublic;
import com.sartiq.hub.backend.generations.GenerationRoutes;
import com.sartiq.hub.backend.tenancy.Scope;
import com.sartiq.hub.common.rest.ApiException;
import com.sartiq.hub.common.rest.RestErrorHandling;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Live generation updates across backend instances:
 * <ul>
 *   <li>{@code generations.changed} (property {@code generationId}): reads the generation and publishes
 *       {@code {recipients, message: GenerationMessage}} on our Redis channel {@code <prefix>live:generations};
 *       leaves the generation (GenerationPublic) as the body;</li>
 *   <li>{@code live.deliver}: every instance follows that channel and sends the message to its own sockets
 *       of the recipients;</li>
 *   <li>{@code live.authenticate} and {@code live.resync}: what the socket handler asks of Camel;</li>
 *   <li>{@code GET /api/v1/schema}: the message union, for client code generation.</li>
 * </ul>
 */
@Component
public class LiveRoutes extends RouteBuilder {

    private final LiveSessions sessions;
    private final LiveMessages messages;
    private final LiveProperties live;
    private final JwtDecoder jwt;
    private final ObjectMapper mapper;
    private final String channel;

    public LiveRoutes(LiveSessions sessions, LiveMessages messages, LiveProperties live, JwtDecoder jwt, ObjectMapper mapper,
                      Environment environment) {
        this.sessions = sessions;
        this.messages = messages;
        this.live = live;
        this.jwt = jwt;
        this.mapper = mapper;
        this.channel = environment.getProperty("hub.redis.key-prefix", "backend:") + "live:generations";
    }

    @Override
    public void configure() throws IOException {
        String schema = new ClassPathResource("live/websocket-schema.json").getContentAsString(StandardCharsets.UTF_8);
        rest("/schema").tag("websocket")
            .get().id("rest.websocket.schema")
                .description("The WebSocketMessage union the live socket (" + LiveConfiguration.PATH + ") speaks, as JSON Schema")
                .produces("application/json")
                .responseMessage().code(200).message("JSON Schema").endResponseMessage()
                .to("direct:live.schema");
        from("direct:live.schema").routeId("live.schema").routeConfigurationId(RestErrorHandling.ID)
            .removeHeaders("*")
            .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
            .setBody(constant(schema));

        from("direct:generations.changed").routeId("generations.changed").errorHandler(noErrorHandler())
            .to("direct:generations.load")
            .setProperty("generationPublic", body())
            .doTry()
                .setBody(e -> {
                    GenerationPublic g = e.getProperty("generationPublic", GenerationPublic.class);
                    Map<String, Object> params = new java.util.HashMap<>();
                    params.put("organizationId", g.organizationId());
                    params.put("ownerId", g.ownerId());
                    return params;
                })
                .to("sql:classpath:sql/backend/live-recipients.sql?outputType=SelectList")
                .process(this::envelope)
                .to("spring-redis://redis?command=PUBLISH&redisTemplate=#stringRedisTemplate")
            .doCatch(Exception.class)
                .log(LoggingLevel.WARN, "Live update of generation ${exchangeProperty.generationId} not published: ${exception.message}")
            .end()
            .removeHeaders("CamelRedis*")
            .removeProperty("liveEventType")
            .setBody(exchangeProperty("generationPublic"));

        from("spring-redis://live?command=SUBSCRIBE&channels=" + channel
                + "&listenerContainer=#liveListener&serializer=#stringRedisSerializer")
            .routeId("live.deliver")
            .doTry()
                .bean(sessions, "deliver")
            .doCatch(Exception.class)
                .log(LoggingLevel.WARN, "Live update not delivered: ${exception.message}")
            .end();

        from("direct:live.authenticate").routeId("live.authenticate").errorHandler(noErrorHandler())
            .process(this::checkToken)
            .to("direct:tenancy.scope")
            .setBody(exchangeProperty(Scope.PROPERTY));

        from("direct:live.resync").routeId("live.resync").errorHandler(noErrorHandler())
            .process(this::resyncParams)
            .to("sql:classpath:sql/backend/generation-changed-since.sql?outputType=SelectList")
            .setProperty("generationRows", body())
            .process(e -> e.getMessage().setBody(Map.of("generationIds", GenerationRoutes.ids(e.getProperty("generationRows", List.class)))))
            .to("sql:classpath:sql/backend/prediction-by-generations.sql?outputType=SelectList")
            .process(this::resyncMessages);
    }

    /** A bearer token that does not verify (bad, expired, revoked) is refused before the scope is looked up. */
    private void checkToken(Exchange exchange) {
        String token = exchange.getMessage().getHeader("token", String.class);
        if (token == null || token.isBlank()) {
            throw ApiException.unauthorized("Not authenticated");
        }
        try {
            jwt.decode(token);
        } catch (JwtException e) {
            throw ApiException.unauthorized("Could not validate credentials");
        }
        exchange.getMessage().setHeader("Authorization", "Bearer " + token);
    }

    @SuppressWarnings("unchecked")
    private void envelope(Exchange exchange) {
        List<String> recipients = new ArrayList<>();
        for (Map<String, Object> row : (List<Map<String, Object>>) exchange.getMessage().getBody(List.class)) {
            recipients.add((String) row.get("user_id"));
        }
        String type = exchange.getProperty("liveEventType", LiveMessages.GENERATION_UPDATED, String.class);
        exchange.getMessage().setHeader("CamelRedis.Channel", channel);
        exchange.getMessage().setHeader("CamelRedis.Message",
                messages.envelope(recipients, messages.generation(type, exchange.getProperty("generationPublic"))));
    }

    private void resyncParams(Exchange exchange) {
        String since = exchange.getMessage().getHeader("since", String.class);
        OffsetDateTime time;
        try {
            time = OffsetDateTime.parse(since == null ? "" : since);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("resync needs since as an ISO 8601 timestamp with offset, e.g. 2025-01-01T00:00:00Z");
        }
        Map<String, Object> params = exchange.getProperty(Scope.PROPERTY, Scope.class).params();
        params.put("since", time.toString());
        params.put("limit", live.resyncLimit());
        exchange.getMessage().setBody(params);
    }

    @SuppressWarnings("unchecked")
    private void resyncMessages(Exchange exchange) {
        List<String> out = new ArrayList<>();
        List<Map<String, Object>> rows = exchange.getProperty("generationRows", List.class);
        List<Map<String, Object>> predictions = exchange.getMessage().getBody(List.class);
        for (GenerationPublic g : GenerationPublic.withPredictions(rows, predictions, mapper)) {
            out.add(messages.generation(LiveMessages.GENERATION_UPDATED, g).toString());
        }
        exchange.getMessage().setBody(out);
    }
}
