package com.sartiq.hub.compute.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which groups of routes this compute-hub process runs ({@code hub.roles}); the production
 * compose file runs one role per container, the local stack runs them all.
 */
@ConfigurationProperties("hub")
public record ComputeRoles(List<String> roles) {

    public static final Set<String> KNOWN = Set.of("api", "fal", "inference", "llm", "cpu", "workflow", "beat", "events");

    public ComputeRoles {
        roles = roles == null || roles.isEmpty() ? List.copyOf(KNOWN) : roles;
        Set<String> unknown = roles.stream().map(r -> r.trim().toLowerCase(Locale.ROOT))
                .filter(r -> !KNOWN.contains(r)).collect(Collectors.toSet());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("hub.roles has unknown roles " + unknown + "; known: " + KNOWN);
        }
    }

    public boolean has(String role) {
        return roles.stream().anyMatch(r -> r.trim().equalsIgnoreCase(role));
    }
}
