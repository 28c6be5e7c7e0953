package com.sartiq.hub.compute.providers;

/** JMX operations on providers ({@code com.sartiq.hub:type=Providers}): pause without a restart. */
public interface ProviderControlMBean {

    String[] getProviders();

    String[] getPausedProviders();

    void pause(String provider, String reason);

    void resume(String provider);
}
