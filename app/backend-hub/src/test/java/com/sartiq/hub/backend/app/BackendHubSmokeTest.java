package com.sartiq.hub.backend.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sartiq.hub.testsupport.HubStack;
import com.sartiq.hub.testsupport.Ports;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import javax.management.ObjectName;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** backend-hub on its own over real services: it starts, is ready, describes itself and is observable. */
class BackendHubSmokeTest {

    private static ConfigurableApplicationContext hub;
    private static String base;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        HubStack stack = HubStack.shared();
        int port = Ports.free();
        hub = BackendHubApplication.application().run(stack.backendArgs(port, Ports.free()).toArray(String[]::new));
        base = "http://127.0.0.1:" + port;
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void everyRouteIsStartedAndReadinessIsUp() throws Exception {
        CamelContext camel = hub.getBean(CamelContext.class);
        assertEquals("backend-hub", camel.getName());
        assertFalse(camel.getRoutes().isEmpty());
        camel.getRoutes().forEach(route ->
                assertEquals(ServiceStatus.Started, camel.getRouteController().getRouteStatus(route.getRouteId()), route.getRouteId()));
        JsonNode readiness = JSON.readTree(get("/actuator/health/readiness").body());
        assertEquals("UP", readiness.get("status").asText(), readiness.toString());
        assertTrue(readiness.at("/components/db/status").asText().equals("UP"));
        assertTrue(readiness.at("/components/redis/status").asText().equals("UP"));
        assertEquals("true", get("/api/v1/utils/health-check/").body());
        JsonNode info = JSON.readTree(get("/actuator/info").body());
        assertEquals("backend-hub", info.get("hub").asText(), info.toString());
        assertEquals("0.1.0-SNAPSHOT", info.at("/build/version").asText(), info.toString());
    }

    @Test
    void theOpenApiDocumentListsTheRoutesAndSwaggerUiIsServed() throws Exception {
        HttpResponse<String> openapi = get("/api/v1/openapi.json");
        assertEquals(200, openapi.statusCode());
        JsonNode document = JSON.readTree(openapi.body());
        assertEquals("/api/v1/login/access-token", document.at("/components/securitySchemes/OAuth2PasswordBearer/flows/password/tokenUrl").asText());
        assertEquals("OAuth2PasswordBearer", document.at("/paths/~1generations/post/security/0").fieldNames().next());
        assertTrue(document.at("/components/schemas/GenerationPublic/properties").has("batch_size"), "schemas are snake_case like the API");
        JsonNode paths = document.get("paths");
        for (String path : List.of("/login/access-token", "/generations", "/generations/{generation_id}", "/tasks/webhook", "/users/me")) {
            assertTrue(paths.has(path) || paths.has("/api/v1" + path), "OpenAPI lacks " + path + ": " + paths.fieldNames());
        }
        HttpResponse<String> docs = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/docs/index.html")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, docs.statusCode());
        assertTrue(docs.body().contains("swagger-ui"));
        assertEquals(200, get("/webjars/swagger-ui/swagger-ui-bundle.js").statusCode());
    }

    @Test
    void routeMetricsAreExportedAndCamelIsOnJmx() throws Exception {
        HttpResponse<String> prometheus = get("/actuator/prometheus");
        assertEquals(200, prometheus.statusCode());
        assertTrue(prometheus.body().contains("camel_exchanges"), "Camel route metrics in Prometheus output");
        var routes = ManagementFactory.getPlatformMBeanServer().queryNames(new ObjectName("org.apache.camel:context=backend-hub,type=routes,*"), null);
        assertTrue(routes.stream().anyMatch(n -> n.toString().contains("login.access-token")), routes.toString());
        assertEquals(200, get("/actuator/camel").statusCode());
    }

    @Test
    void requestsWithoutATokenAreRefusedInFastApiShape() throws Exception {
        HttpResponse<String> none = get("/api/v1/users/me");
        assertEquals(401, none.statusCode());
        assertEquals("Not authenticated", JSON.readTree(none.body()).get("detail").asText());
        HttpResponse<String> bad = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/users/me"))
                .header("Authorization", "Bearer not-a-jwt").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, bad.statusCode());
        assertEquals("Could not validate credentials", JSON.readTree(bad.body()).get("detail").asText());
    }

    @Test
    void whenComputeCannotBeReachedTheGenerationIsRecordedAsFailedAndTheAnswerIs503() throws Exception {
        var secrets = HubStack.shared().secrets();
        HttpResponse<String> login = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/login/access-token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + secrets.firstSuperuser() + "&password=" + secrets.firstSuperuserPassword()))
                .build(), HttpResponse.BodyHandlers.ofString());
        String token = JSON.readTree(login.body()).get("access_token").asText();

        // this hub's compute URL points at a port nothing listens on
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/generations/"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"a denim jacket\",\"batch_size\":2}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(503, created.statusCode(), created.body());
        assertTrue(JSON.readTree(created.body()).get("detail").asText().contains("recorded as failed"));

        var jdbc = hub.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
        var generation = jdbc.sql("select id, status, error_message from generation where prompt = 'a denim jacket'").query().singleRow();
        assertEquals("failed", generation.get("status"));
        assertTrue(((String) generation.get("error_message")).contains("compute"), generation.toString());
        assertEquals(List.of("error", "error"), jdbc.sql("select status from prediction where generation_id = ?")
                .param(generation.get("id")).query(String.class).list(), "no prediction is left pending");
    }

    @Test
    void withoutAJwtSecretTheHubRefusesToStartAndSaysWhichKey() {
        List<String> args = new ArrayList<>(HubStack.shared().backendArgs(Ports.free(), Ports.free()));
        args.replaceAll(a -> a.startsWith("--hub.security.jwt-secret=") ? "--hub.security.jwt-secret=" : a);
        Exception failure = assertThrows(Exception.class, () -> BackendHubApplication.application().run(args.toArray(String[]::new)).close());
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        assertTrue(root.getMessage().contains("HUB_JWT_SECRET"), root.getMessage());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
