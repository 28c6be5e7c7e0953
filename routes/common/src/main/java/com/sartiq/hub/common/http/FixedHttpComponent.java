package com.sartiq.hub.common.http;

import org.apache.camel.component.http.HttpComponent;

/**
 * A camel-http component for one outbound peer (an AI provider, the compute hub): its timeouts and pool,
 * and never an automatic re-send. Register it under its own scheme (e.g. {@code http-openai}) and set the
 * target with the {@code CamelHttpUri} header: camel-http reads these settings only from the component (on
 * an endpoint URI they are sent on as query parameters). Fixed at construction: Camel Spring Boot's customizer for {@code camel.component.http.*} applies to every
 * {@link HttpComponent} in the context and would otherwise put back the defaults (180 s timeouts, automatic
 * retries on — HttpClient 5 then re-sends a POST answered 429/503 after its Retry-After, a second paid call).
 */
public class FixedHttpComponent extends HttpComponent {

    private final boolean frozen;

    /**
     * @param connectTimeoutMs  limit to connect, and to wait for a pooled connection
     * @param responseTimeoutMs limit to wait for the answer (and between its bytes)
     * @param connections       connections per route; twice that in all
     */
    public FixedHttpComponent(long connectTimeoutMs, long responseTimeoutMs, int connections) {
        super.setAutomaticRetriesDisabled(true);
        super.setConnectTimeout(connectTimeoutMs);
        super.setConnectionRequestTimeout(connectTimeoutMs);
        super.setResponseTimeout(responseTimeoutMs);
        super.setSoTimeout(responseTimeoutMs);
        super.setConnectionsPerRoute(connections);
        super.setMaxTotalConnections(connections * 2);
        frozen = true;
    }

    @Override
    public void setAutomaticRetriesDisabled(boolean disabled) {
        if (!frozen) {
            super.setAutomaticRetriesDisabled(disabled);
        }
    }

    @Override
    public void setConnectTimeout(long millis) {
        if (!frozen) {
            super.setConnectTimeout(millis);
        }
    }

    @Override
    public void setConnectionRequestTimeout(long millis) {
        if (!frozen) {
            super.setConnectionRequestTimeout(millis);
        }
    }

    @Override
    public void setResponseTimeout(long millis) {
        if (!frozen) {
            super.setResponseTimeout(millis);
        }
    }

    @Override
    public void setSoTimeout(long millis) {
        if (!frozen) {
            super.setSoTimeout(millis);
        }
    }

    @Override
    public void setConnectionsPerRoute(int connections) {
        if (!frozen) {
            super.setConnectionsPerRoute(connections);
        }
    }

    @Override
    public void setMaxTotalConnections(int connections) {
        if (!frozen) {
            super.setMaxTotalConnections(connections);
        }
    }
}
