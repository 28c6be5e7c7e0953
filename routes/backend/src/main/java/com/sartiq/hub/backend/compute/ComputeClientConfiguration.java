package com.sartiq.hub.backend.compute;

import com.sartiq.hub.common.http.FixedHttpComponent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The HTTP connection to compute: {@code hub.compute.timeout-ms} on connect and answer, no automatic re-sends. */
@Configuration(proxyBeanMethods = false)
public class ComputeClientConfiguration {

    /** The camel component (and URI scheme) of every call to compute. */
    public static final String HTTP = "http-compute";

    @Bean(HTTP)
    public FixedHttpComponent computeHttpComponent(ComputeProperties compute) {
        return new FixedHttpComponent(compute.timeoutMs(), compute.timeoutMs(), 50);
    }
}
