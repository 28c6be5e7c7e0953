package com.sartiq.hub.compute.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * compute-hub: the task API, queues and workers (port 9000). {@code hub.roles} picks which route
 * groups this process runs. Settings: {@code config/compute-hub.yaml} and its profile variants.
 */
@SpringBootApplication(scanBasePackages = {"com.sartiq.hub.common", "com.sartiq.hub.compute"})
public class ComputeHubApplication {

    public static void main(String[] args) {
        application().run(args);
    }

    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(ComputeHubApplication.class).properties("spring.config.name=compute-hub");
    }
}
