package com.sartiq.hub.compute.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * compute-hub: the task API, queues and workers (port 9000). {@code hub.roles} picks which route
 * groups this process runs. Settings: {@code config/compute-hub.yaml} and its profile variants.
 */
@SpringBootApplication(scanBasePackages = {"com.sartiq.hub.common", "com.sartiq.hub.compute"},
        // compute authenticates with its own API-key filter; Spring Security only arrives on a class path
        // shared with backend-hub (the local stack) and must stay out of compute's way there
        excludeName = {
                "org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration",
                "org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration",
                "org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration",
                "org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration",
                "org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration"})
public class ComputeHubApplication {

    public static void main(String[] args) {
        application().run(args);
    }

    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(ComputeHubApplication.class).properties("spring.config.name=compute-hub");
    }
}
