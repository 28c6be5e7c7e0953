package com.sartiq.hub.backend.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * backend-hub: the REST API the web app calls (port 8000). Its settings are
 * {@code config/backend-hub.yaml} and {@code backend-hub-<profile>.yaml}, packaged and overridable
 * from {@code ./config/} beside the process.
 */
@SpringBootApplication(scanBasePackages = {"com.sartiq.hub.common", "com.sartiq.hub.backend"})
public class BackendHubApplication {

    public static void main(String[] args) {
        application().run(args);
    }

    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(BackendHubApplication.class).properties("spring.config.name=backend-hub");
    }
}
