package com.sartiq.hub.compute.providers;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;

import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

/**
 * Pausing and resuming a provider, from the API or JMX. The switch is written to {@code provider_state}
 * (every instance reads it back on its next state sync) and applied here at once. A paused provider refuses
 * new calls ({@link ProviderCallException.Kind#PAUSED}: LLM tasks fail over, fal submits go back to the queue);
 * requests already at the provider finish normally.
 */
public class ProviderControl implements ProviderControlMBean {

    public static final String OBJECT_NAME = "com.sartiq.hub:type=Providers";

    private final ProviderStates states;
    private final CamelContext camel;
    private ProducerTemplate producer;

    public ProviderControl(ProviderStates states, CamelContext camel) {
        this.states = states;
        this.camel = camel;
    }

    public void register() throws Exception {
        var server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName(OBJECT_NAME);
        // several contexts in one JVM (tests): the first one's MBean serves; each instance still has the API
        if (!server.isRegistered(name)) {
            server.registerMBean(this, name);
        }
    }

    @Override
    public String[] getProviders() {
        return states.settings().keySet().toArray(String[]::new);
    }

    @Override
    public String[] getPausedProviders() {
        return states.settings().keySet().stream().filter(states::paused).toArray(String[]::new);
    }

    @Override
    public void pause(String provider, String reason) {
        set(provider, true, reason);
    }

    @Override
    public void resume(String provider) {
        set(provider, false, null);
    }

    public synchronized void set(String provider, boolean paused, String reason) {
        ProviderSettings settings = states.settings(provider);
        if (producer == null) {
            producer = camel.createProducerTemplate();
        }
        Map<String, Object> row = new HashMap<>();
        row.put("name", provider);
        row.put("protocol", settings.protocol());
        row.put("paused", paused);
        row.put("reason", reason);
        producer.sendBody("sql:classpath:sql/compute/provider-state-pause.sql", row);
        states.setPaused(provider, paused);
    }
}
