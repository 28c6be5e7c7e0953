package com.sartiq.hub.backend.jobs;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which of the backend's route groups this process runs ({@code hub.backend.roles}, all by default):
 * {@code api} (the REST API: served by every process, since health probes need it; the role names the
 * containers Caddy routes to), {@code scheduler} (the quartz jobs: job reaper, clean-up schedule) and
 * {@code worker} (the job queue consumers). Production runs one role per container, the local stack all.
 */
@ConfigurationProperties("hub.backend")
public record BackendRoles(List<String> roles) {

    public static final Set<String> KNOWN = Set.of("api", "scheduler", "worker");

    public BackendRoles {
        roles = roles == null || roles.isEmpty() ? List.copyOf(KNOWN) : roles.stream().map(r -> r.trim().toLowerCase(Locale.ROOT)).toList();
        Set<String> unknown = roles.stream().filter(r -> !KNOWN.contains(r)).collect(Collectors.toSet());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("hub.backend.roles has unknown roles " + unknown + "; known: " + KNOWN);
        }
    }

    public boolean has(String role) {
        return roles.contains(role);
    }
}
