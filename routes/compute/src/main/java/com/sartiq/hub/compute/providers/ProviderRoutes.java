package com.sartiq.hub.compute.providers;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;


/**
 * ONE route template for every provider HTTP call ({@code provider-call}), instantiated per configured
 * provider as {@code direct:provider.<name>.call}: pause check, cross-instance slot (when the provider has a
 * concurrency limit), attempts admitted and counted by the provider's resilience4j circuit breaker (through its API: the
 * circuitBreaker EIP runs the call on a copy of the exchange, which loses what the attempt learnt), retries per the
 * provider's hints, and a verdict ({@link ProviderCallException}) when it gives up. {@code fal-sync} (fal's synchronous
 * {@code fal.run}) calls once, within its own concurrency limit. fal's queue gets two instances:
 * {@code fal} for submits (never repeated once they may have arrived) and {@code fal-read} for status,
 * result and cancel (idempotent, repeated on 429/5xx/timeouts). A timer reports each provider's state to
 * {@code provider_state} and reads the pause switches back.
 *
 * <p>Timeouts and pool size live on the provider's own camel-http component ({@code http-<provider>}, see
 * {@link ProvidersConfiguration}). The API key is not a template parameter: route definitions are visible in JMX and the developer console,
 * so {@link ProviderCalls} takes it from the settings by provider name.
 */
@Component
public class ProviderRoutes extends RouteBuilder {

    static final String TEMPLATE = "provider-call";
    private static final String INSTANCE = ManagementFactory.getRuntimeMXBean().getName();

    private final ProviderStates states;
    private final ProviderCalls calls;
    private final RedisSemaphore semaphore;
    private final long syncIntervalMs;

    public ProviderRoutes(ProviderStates states, ProviderCalls calls, RedisSemaphore semaphore,
                          @org.springframework.beans.factory.annotation.Value("${hub.provider-state.sync-interval-ms:2000}") long syncIntervalMs) {
        this.states = states;
        this.calls = calls;
        this.semaphore = semaphore;
        this.syncIntervalMs = syncIntervalMs;
    }

    @Override
    public void configure() {
        routeTemplate(TEMPLATE)
            .templateParameter("name", null, "route name: direct:provider.<name>.call")
            .templateParameter("provider", null, "configured provider (hub.providers.<provider>): breaker, stats, pause, key")
            .templateParameter("protocol").templateParameter("baseUrl").templateParameter("authHeader")
                        .templateParameter("concurrency").templateParameter("leaseMs").templateParameter("slotWaitMs")
            .templateParameter("maxAttempts").templateParameter("retryBaseMs").templateParameter("retryMaxMs")
            .templateParameter("maxRetryAfterMs").templateParameter("retryResponses").templateParameter("retryAmbiguous")
            .from("direct:provider.{{name}}.call")
                .errorHandler(noErrorHandler())
                .setProperty("provider.name", constant("{{provider}}"))
                .setProperty("provider.protocol", constant("{{protocol}}"))
                .setProperty("provider.baseUrl", constant("{{baseUrl}}"))
                .setProperty("provider.authHeader", constant("{{authHeader}}"))
                .setProperty("provider.concurrency", constant("{{concurrency}}"))
                .setProperty("provider.leaseMs", constant("{{leaseMs}}"))
                .setProperty("provider.slotWaitMs", constant("{{slotWaitMs}}"))
                .setProperty("provider.maxAttempts", constant("{{maxAttempts}}"))
                .setProperty("provider.retryBaseMs", constant("{{retryBaseMs}}"))
                .setProperty("provider.retryMaxMs", constant("{{retryMaxMs}}"))
                .setProperty("provider.maxRetryAfterMs", constant("{{maxRetryAfterMs}}"))
                .setProperty("provider.retryResponses", constant("{{retryResponses}}"))
                .setProperty("provider.retryAmbiguous", constant("{{retryAmbiguous}}"))
                .process(e -> e.setProperty("provider.authValue", states.settings(e.getProperty("provider.name", String.class)).authValue()))
                .bean(calls, "begin")
                .bean(calls, "acquire")
                .doTry()
                    .loopDoWhile(exchangeProperty("providerAgain").isEqualTo(true))
                        .bean(calls, "prepare")
                        .filter(exchangeProperty("providerSkip").isNotEqualTo(true))
                            .doTry()
                                .to("http-{{provider}}://provider-{{name}}?throwExceptionOnFailure=false")
                                .bean(calls, "outcome")
                            .endDoTry()
                            .doCatch(Exception.class)
                                .bean(calls, "failed")
                            .end()
                            .bean(calls, "pause")
                        .end()
                    .end()
                .endDoTry()
                .doFinally()
                    .bean(calls, "release")
                .end()
                .bean(calls, "finish");

        states.settings().forEach((name, s) -> {
            boolean fal = s.protocol().equals("fal");
            // a synchronous fal run is never repeated inside the call: fal does not dedupe it, and whether to try again
            // is the task's decision (a refused run is, a lost answer never is)
            boolean once = s.isFal();
            instance(name, name, s, fal ? 0 : s.concurrency(), !once, !once && s.retryAmbiguous());
            if (fal) {
                // status, result and cancel: idempotent, so 429/5xx answers and timeouts may be repeated
                instance(name + "-read", name, s, 0, true, true);
            }
        });

        from("timer:providers.state-sync?period=" + syncIntervalMs).routeId("providers.state-sync")
            .process(e -> e.getMessage().setBody(states.settings().keySet()))
            .split(body())
                .setProperty("providerName", body())
                .process(e -> {
                    String name = e.getMessage().getBody(String.class);
                    int inFlight = states.settings(name).concurrency() > 0 ? semaphore.inUse(name) : 0;
                    e.getMessage().setBody(states.report(name, inFlight, INSTANCE));
                })
                .to("sql:classpath:sql/compute/provider-state-sync.sql?outputType=SelectOne")
                .process(e -> states.setPaused(e.getProperty("providerName", String.class), Boolean.TRUE.equals(e.getMessage().getBody(Boolean.class))))
            .end();
    }

    private void instance(String routeName, String provider, ProviderSettings s, int concurrency, boolean retryResponses,
                          boolean retryAmbiguous) {
        templatedRoute(TEMPLATE).routeId("provider." + routeName + ".call")
            .parameter("name", routeName)
            .parameter("provider", provider)
            .parameter("protocol", s.protocol())
            .parameter("baseUrl", s.baseUrl())
            .parameter("authHeader", s.authHeader())
            .parameter("concurrency", String.valueOf(concurrency))
            .parameter("leaseMs", String.valueOf(s.leaseSeconds() * 1000L))
            .parameter("slotWaitMs", String.valueOf(s.slotWaitMs()))
            .parameter("maxAttempts", String.valueOf(s.maxAttempts()))
            .parameter("retryBaseMs", String.valueOf(s.retryBaseMs()))
            .parameter("retryMaxMs", String.valueOf(s.retryMaxMs()))
            .parameter("maxRetryAfterMs", String.valueOf(s.maxRetryAfterMs()))
            .parameter("retryResponses", String.valueOf(retryResponses))
            .parameter("retryAmbiguous", String.valueOf(retryAmbiguous));
    }

}
