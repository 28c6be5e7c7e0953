package com.sartiq.hub.e2e;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The compose files and the Caddyfile: valid for the real tools, and shaped as the production topology. */
class DeploymentFilesTest {

    private static final List<String> ENVIRONMENTS = List.of("dev", "staging", "production");

    @Test
    void composeFilesAndTheCaddyfilePassTheirOwnToolsChecks() throws Exception {
        assumeTrue(CaddyEdgeTest.onPath("docker-compose") && CaddyEdgeTest.onPath("caddy"), "docker-compose and caddy are not installed");
        Process check = new ProcessBuilder("bash", DeploymentFiles.root().resolve("check.sh").toString()).redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(check.waitFor(5, TimeUnit.MINUTES), output);
        assertEquals(0, check.exitValue(), output);
        assertEquals(8, output.lines().filter(l -> l.startsWith("ok   ")).count(), output);
    }

    @Test
    void theComputeVmRunsEveryRoleOnceWithOneBackupAndNoStoreOpenBeyondTheFirewall() throws Exception {
        for (String env : ENVIRONMENTS) {
            Map<String, Map<String, Object>> services = services("GCP-ComputeServer-" + env + "/compute/docker-compose.yml");
            Set<String> roles = new HashSet<>();
            int backups = 0;
            for (var service : services.entrySet()) {
                Map<String, Object> s = service.getValue();
                assertEquals("unless-stopped", s.get("restart"), env + " " + service.getKey());
                assertTrue(s.containsKey("healthcheck"), env + " " + service.getKey() + " has a health check");
                assertTrue(s.toString().contains("limits"), env + " " + service.getKey() + " has resource limits");
                Map<?, ?> environment = (Map<?, ?>) s.getOrDefault("environment", Map.of());
                if (environment.containsKey("HUB_ROLES")) {
                    for (String role : environment.get("HUB_ROLES").toString().split(",")) {
                        assertTrue(roles.add(role.trim()), env + ": role " + role + " runs twice");
                    }
                }
                if ("true".equals(String.valueOf(environment.get("HUB_BACKUP_ENABLED")))) {
                    backups++;
                }
            }
            assertEquals(Set.of("api", "fal", "inference", "llm", "cpu", "workflow", "beat", "events"), roles, env);
            assertEquals(1, backups, env + ": exactly one container backs the database up");
            assertFalse(services.get("db").containsKey("ports"), env + ": compute's PostgreSQL is not published");
            assertTrue(services.get("db").get("command").toString().contains("5433"), env);
            assertTrue(services.get("redis").get("command").toString().contains("6479"), env);
            assertTrue(services.get("cpu-worker").get("volumes").toString().contains("/data/models/onnx"), env);
        }
    }

    @Test
    void theBackendVmRunsCaddyTheHubRolesAndTheWebAppOnlyOutsideProduction() throws Exception {
        for (String env : ENVIRONMENTS) {
            Map<String, Map<String, Object>> services = services("GCP-Backend-" + env + "/docker-compose.yml");
            assertTrue(services.keySet().containsAll(List.of("caddy", "backend", "scheduler", "worker", "db", "redis")), env + services.keySet());
            assertEquals(!env.equals("production"), services.containsKey("webapp"), env);
            assertEquals("true", String.valueOf(((Map<?, ?>) services.get("scheduler").get("environment")).get("HUB_BACKUP_ENABLED")), env);
            assertTrue(services.get("db").get("volumes").toString().contains("/data/postgres"), env);
            assertTrue(services.get("redis").get("volumes").toString().contains("/data/redis"), env);
            assertTrue(services.get("caddy").get("volumes").toString().contains("/data/caddy"), env);
            assertEquals(env.equals("production") ? "production" : env,
                    ((Map<?, ?>) services.get("backend").get("environment")).get("SPRING_PROFILES_ACTIVE"), env);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services(String file) throws Exception {
        Path path = DeploymentFiles.root().resolve(file);
        try (Reader reader = Files.newBufferedReader(path)) {
            Map<String, Object> compose = new Yaml().load(reader);
            return (Map<String, Map<String, Object>>) compose.get("services");
        }
    }
}
