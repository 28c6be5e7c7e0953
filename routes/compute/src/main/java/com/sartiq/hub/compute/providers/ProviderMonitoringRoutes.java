package com.sartiq.hub.compute.providers;

import com.sartiq.hub.common.rest.ApiException;
import com.sartiq.hub.common.rest.JsonResponses;
import com.sartiq.hub.common.rest.RestErrorHandling;
import com.sartiq.hub.compute.config.ConditionalOnRole;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestParamType;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/monitoring/providers}: health, circuit state, in flight vs limit, recent error rate and last
 * error of each configured provider; {@code POST .../{name}/pause} and {@code .../resume} switch one off and on.
 */
@Component
@ConditionalOnRole("api")
public class ProviderMonitoringRoutes extends RouteBuilder {

    private static final String API_KEY = "HTTPBearer";

    private final ProviderStates states;
    private final RedisSemaphore semaphore;
    private final ProviderControl control;
    private final JsonResponses json;

    public ProviderMonitoringRoutes(ProviderStates states, RedisSemaphore semaphore, ProviderControl control, JsonResponses json) {
        this.states = states;
        this.semaphore = semaphore;
        this.control = control;
        this.json = json;
    }

    @Override
    public void configure() {
        rest("/monitoring/providers").tag("monitoring").description("AI providers")
            .get().id("rest.monitoring.providers")
                .description("Every configured provider: health (healthy, degraded, down, paused), circuit state, requests in "
                        + "flight across all instances vs its limit, error rate over the last 5 minutes, last error, totals.")
                .produces("application/json")
                .responseMessage().code(200).message("{data: [...], count}").endResponseMessage()
                .responseMessage().code(401).message("Missing or invalid API key").endResponseMessage()
                .security(API_KEY)
                .to("direct:providers.list")
            .post("/{name}/pause").id("rest.monitoring.providers.pause")
                .description("Stop sending new requests to a provider (all instances, within one state sync); in-flight ones finish")
                .produces("application/json")
                .param().name("name").type(RestParamType.path).description("provider name (hub.providers.<name>)").endParam()
                .param().name("reason").type(RestParamType.query).required(false).description("why, for the record").endParam()
                .responseMessage().code(200).message("The provider, paused").endResponseMessage()
                .responseMessage().code(404).message("No such provider").endResponseMessage()
                .security(API_KEY)
                .to("direct:providers.pause")
            .post("/{name}/resume").id("rest.monitoring.providers.resume")
                .description("Send requests to a paused provider again")
                .produces("application/json")
                .param().name("name").type(RestParamType.path).description("provider name").endParam()
                .responseMessage().code(200).message("The provider, resumed").endResponseMessage()
                .responseMessage().code(404).message("No such provider").endResponseMessage()
                .security(API_KEY)
                .to("direct:providers.resume");

        from("direct:providers.list").routeId("providers.list").routeConfigurationId(RestErrorHandling.ID)
            .to("sql:classpath:sql/compute/provider-state-list.sql?outputType=SelectList")
            .process(this::view)
            .process(json.ok());

        from("direct:providers.pause").routeId("providers.pause").routeConfigurationId(RestErrorHandling.ID)
            .process(e -> control.set(name(e), true, e.getMessage().getHeader("reason", String.class)))
            .to("direct:providers.one");

        from("direct:providers.resume").routeId("providers.resume").routeConfigurationId(RestErrorHandling.ID)
            .process(e -> control.set(name(e), false, null))
            .to("direct:providers.one");

        from("direct:providers.one").routeId("providers.one").routeConfigurationId(RestErrorHandling.ID)
            .setProperty("providerName", header("name"))
            .to("sql:classpath:sql/compute/provider-state-list.sql?outputType=SelectList")
            .process(this::view)
            .process(e -> {
                List<?> data = (List<?>) e.getMessage().getBody(Map.class).get("data");
                e.getMessage().setBody(data.stream().filter(p -> ((Map<?, ?>) p).get("name").equals(e.getProperty("providerName"))).findFirst().orElseThrow());
            })
            .process(json.ok());
    }

    private String name(Exchange exchange) {
        String name = exchange.getMessage().getHeader("name", String.class);
        if (name == null || !states.settings().containsKey(name)) {
            throw ApiException.notFound("Provider");
        }
        return name;
    }

    /** Stored rows merged with live values: this instance's breaker, the shared semaphore, the pause switch. */
    @SuppressWarnings("unchecked")
    private void view(Exchange exchange) {
        Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
        for (Map<String, Object> row : (List<Map<String, Object>>) exchange.getMessage().getBody(List.class)) {
            rows.put((String) row.get("name"), row);
        }
        List<Map<String, Object>> data = new ArrayList<>();
        states.settings().forEach((name, s) -> {
            Map<String, Object> row = rows.getOrDefault(name, Map.of());
            CircuitBreaker.State circuit = states.breaker(name).getState();
            boolean paused = states.paused(name);
            int inFlight = s.concurrency() > 0 ? semaphore.inUse(name) : ((Number) row.getOrDefault("in_flight", 0)).intValue();
            double errorRate = ((Number) row.getOrDefault("recent_error_rate", 0f)).doubleValue();
            String health = paused ? "paused" : circuit == CircuitBreaker.State.OPEN || circuit == CircuitBreaker.State.FORCED_OPEN ? "down"
                    : circuit == CircuitBreaker.State.HALF_OPEN || errorRate >= 0.2 ? "degraded" : "healthy";
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("name", name);
            view.put("protocol", s.protocol());
            view.put("health", health);
            view.put("paused", paused);
            view.put("paused_reason", row.get("paused_reason"));
            view.put("circuit_state", circuit.name());
            view.put("in_flight", inFlight);
            view.put("limit", s.concurrency());
            view.put("recent_error_rate", Math.round(errorRate * 1000) / 1000.0);
            view.put("last_error", row.get("last_error"));
            view.put("last_error_at", iso(row.get("last_error_at")));
            view.put("last_success_at", iso(row.get("last_success_at")));
            view.put("calls_total", row.getOrDefault("calls_total", 0L));
            view.put("errors_total", row.getOrDefault("errors_total", 0L));
            view.put("updated_at", iso(row.get("updated_at")));
            data.add(view);
        });
        exchange.getMessage().setBody(Map.of("data", data, "count", data.size()));
    }

    private static String iso(Object value) {
        var utc = com.sartiq.hub.common.sql.SqlValues.utc(value);
        return utc == null ? null : utc.toString();
    }
}
