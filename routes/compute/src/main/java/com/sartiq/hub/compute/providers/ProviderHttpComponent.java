package com.sartiq.hub.compute.providers;

import org.apache.camel.component.http.HttpComponent;

/**
 * One provider's camel-http component: its timeouts and pool, and never an automatic re-send. Fixed at
 * construction: Camel Spring Boot's customizer for {@code camel.component.http.*} applies to every
 * {@link HttpComponent} in the context and would otherwise put back the defaults (180 s timeouts, automatic
 * retries on — HttpClient 5 then re-sends a POST answered 429/503 after its Retry-After, a second paid call).
 */
public class ProviderHttpComponent extends HttpComponent {

    private final boolean frozen;

    public ProviderHttpComponent(ProviderSettings s) {
        super.setAutomaticRetriesDisabled(true);
        super.setConnectTimeout(s.connectTimeoutMs());
        super.setConnectionRequestTimeout(s.connectTimeoutMs());
        super.setResponseTimeout(s.responseTimeoutMs());
        super.setSoTimeout(s.responseTimeoutMs());
        int connections = Math.max(100, s.concurrency() * 2);
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
