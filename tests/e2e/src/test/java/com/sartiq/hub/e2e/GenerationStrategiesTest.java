package com.sartiq.hub.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.sartiq.hub.backend.generations.GenerationPipelines;
import com.sartiq.hub.localstack.LocalStack;
import com.sartiq.hub.sim.Fault;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Generation strategies as compute workflows, over both hubs, the provider simulator (fal and scripted LLM
 * answers), the local U2NET worker and S3: a product shot, agentic runs that pass late or never, one prediction
 * per shot type from a for_each, live progress, a failed step, reconciliation of a missed end, cancel, and requests no
 * pipeline makes.
 */
class GenerationStrategiesTest {

    private static final Duration WAIT = Duration.ofSeconds(90);

    private static LocalStack hubs;
    private static String apiKey;

    @BeforeAll
    static void start() {
        hubs = Hubs.get();
        apiKey = hubs.stack().secrets().computeApiKey();
    }

    @Test
    void computeKnowsEveryTemplateTheStrategyTableNames() {
        Set<String> known = new HashSet<>();
        Http.get(hubs.computeUrl() + "/api/v1/workflows/templates", apiKey).json().forEach(t -> known.add(t.get("name").asText()));
        assertTrue(known.containsAll(GenerationPipelines.templates()), known + " lacks some of " + GenerationPipelines.templates());
    }

    @Test
    void aProductShotIsCutOutGeneratedWithLorasAndRefined() throws Exception {
        Tenants.User user = Tenants.user(hubs, false);
        String product = MediaTest.upload(hubs, user.token(), "dress.png", "image/png", Shootings.png(Color.RED));
        Http.Response created = Http.postJson(hubs.backendUrl() + "/api/v1/generations/", user.token(), "{\"prompt\":\"a red linen dress, "
                + "studio\",\"product_image\":\"" + product + "\",\"product_lora_weight\":0.6,\"refine\":true,\"width\":256,\"height\":256,"
                + "\"batch_size\":2,\"seed\":21}");
        assertEquals(201, created.status(), created.body());
        JsonNode done = awaitEnd(user, created.json().get("id").asText());
        assertEquals("completed", done.get("status").asText(), done.toString());
        assertEquals(100, done.get("progress").asInt());
        Set<String> workflows = new HashSet<>();
        for (JsonNode prediction : done.get("predictions")) {
            assertEquals("completed", prediction.get("status").asText(), prediction.toString());
            String url = prediction.get("result_image_url").asText();
            assertTrue(url.startsWith(hubs.stack().s3().publicBaseUrl("sartiq") + "/tasks/"), url);
            assertNotNull(ImageIO.read(new ByteArrayInputStream(Http.bytes(url))), "the result is an image in our storage");

            JsonNode workflow = workflow(prediction.get("workflow_id").asText());
            workflows.add(workflow.get("id").asText());
            assertEquals("completed", workflow.get("status").asText());
            assertEquals(List.of("cutout=completed", "generate=completed", "refine=completed"), states(workflow));
            JsonNode generate = task(Workflows.step(workflow, "generate").get("task_id").asText());
            assertEquals(Workflows.step(workflow, "cutout").at("/output/images/0/url").asText(), generate.at("/params/reference_image_url").asText(),
                    "the generation takes the cut-out as its reference");
            assertEquals(0.6, generate.at("/params/product_lora_weight").asDouble());
            assertEquals(prediction.get("seed").asLong(), generate.at("/params/seed").asLong());
            assertEquals(Workflows.step(workflow, "refine").at("/output/images/0/url").asText(), url, "the refined image is the result");
            assertEquals(Workflows.step(workflow, "refine").get("task_id").asText(), prediction.get("task_id").asText());
        }
        assertEquals(2, workflows.size(), "one workflow per prediction");
    }

    @Test
    void anAgenticRunThatFailsEvaluationTwiceThenPassesRecordsThreeAttempts() {
        Tenants.User user = Tenants.user(hubs, false);
        String prompt = "a wool coat, agentic " + UUID.randomUUID();
        script(prompt, verdict(0.3, "the collar is cut off"), verdict(0.5, "the hem is blurred"), verdict(0.9, ""));
        JsonNode done = awaitEnd(user, create(user, "{\"prompt\":\"" + prompt + "\",\"generation_type\":\"AGENTIC\",\"width\":256,\"height\":256}"));
        assertEquals("completed", done.get("status").asText(), done.toString());
        JsonNode prediction = done.at("/predictions/0");
        JsonNode attempts = prediction.get("attempts");
        assertEquals(3, attempts.size(), attempts.toString());
        assertEquals(List.of(0.3, 0.5, 0.9), scores(attempts));
        assertEquals(List.of(false, false, true), List.of(attempts.get(0).get("passed").asBoolean(), attempts.get(1).get("passed").asBoolean(),
                attempts.get(2).get("passed").asBoolean()));
        assertEquals("the collar is cut off", attempts.get(0).get("reasons").asText());
        assertEquals(attempts.get(2).get("image_url").asText(), prediction.get("result_image_url").asText(), "the third image is the result");
        assertEquals(3, new HashSet<>(attempts.findValuesAsText("image_url")).size(), "each attempt made its own image");

        JsonNode workflow = workflow(prediction.get("workflow_id").asText());
        JsonNode retry = task(Workflows.step(workflow, "generate_2").get("task_id").asText());
        assertEquals(prompt + ". Fix: the collar is cut off", retry.at("/params/prompt").asText(), "the critique goes into the next prompt");
    }

    @Test
    void anAgenticRunThatNeverPassesKeepsItsBestAttempt() {
        Tenants.User user = Tenants.user(hubs, false);
        String prompt = "a silk scarf, agentic " + UUID.randomUUID();
        script(prompt, verdict(0.2, "too dark"), verdict(0.6, "wrong colour"), verdict(0.4, "folds look painted"));
        JsonNode done = awaitEnd(user, create(user, "{\"prompt\":\"" + prompt + "\",\"generation_type\":\"AGENTIC\",\"width\":256,\"height\":256,"
                + "\"min_confidence_score\":0.8}"));
        assertEquals("completed", done.get("status").asText(), done.toString());
        JsonNode prediction = done.at("/predictions/0");
        assertEquals(List.of(0.2, 0.6, 0.4), scores(prediction.get("attempts")));
        assertTrue(prediction.findValues("passed").stream().noneMatch(JsonNode::asBoolean));
        assertEquals(prediction.at("/attempts/1/image_url").asText(), prediction.get("result_image_url").asText(), "the best score wins");
    }

    @Test
    void aForEachOverFourShotTypesYieldsFourPredictions() {
        Tenants.User user = Tenants.user(hubs, false);
        List<String> shotTypes = List.of("front full body", "back full body", "side upper body", "detail");
        JsonNode done = awaitEnd(user, create(user, "{\"prompt\":\"a denim jacket\",\"width\":256,\"height\":256,\"shot_types\":"
                + Http.JSON.valueToTree(shotTypes) + "}"));
        assertEquals("completed", done.get("status").asText(), done.toString());
        JsonNode predictions = done.get("predictions");
        assertEquals(4, predictions.size());
        Set<String> urls = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            JsonNode prediction = predictions.get(i);
            assertEquals(shotTypes.get(i), prediction.get("shot_type").asText());
            assertEquals("completed", prediction.get("status").asText(), prediction.toString());
            urls.add(prediction.get("result_image_url").asText());
            assertEquals(predictions.get(0).get("workflow_id").asText(), prediction.get("workflow_id").asText(), "one workflow for all of them");
        }
        assertEquals(4, urls.size(), "each shot type its own image");
        assertTrue(urls.stream().allMatch(u -> u.startsWith("http")), urls.toString());
    }

    @Test
    void aPipelinesProgressReachesLiveClientsInIncreasingPercentages() {
        Tenants.User user = Tenants.user(hubs, false);
        String prompt = "a knit sweater, agentic " + UUID.randomUUID();
        script(prompt, verdict(0.1, "blurry"), verdict(0.95, ""));
        try (LiveClient live = LiveClient.connect(hubs.backendUrl(), "token=" + user.token())) {
            live.await(WAIT, m -> m.get("type").asText().equals("auth_success"));
            String id = create(user, "{\"prompt\":\"" + prompt + "\",\"generation_type\":\"AGENTIC\",\"width\":256,\"height\":256}");
            live.await(WAIT, m -> LiveClient.about(id).test(m) && m.at("/payload/status").asText().equals("completed"));
            List<Integer> progress = new ArrayList<>();
            live.received.stream().filter(LiveClient.about(id)).forEach(m -> progress.add(m.at("/payload/progress").asInt()));
            assertEquals(100, progress.get(progress.size() - 1));
            assertTrue(progress.stream().anyMatch(p -> p > 0 && p < 100), "percentages while it runs: " + progress);
            for (int i = 1; i < progress.size(); i++) {
                assertTrue(progress.get(i) >= progress.get(i - 1), "never backwards: " + progress);
            }
        }
    }

    @Test
    void aWorkflowsEndTheBackendMissedIsCaughtUpByReconciliation() {
        Tenants.User user = Tenants.user(hubs, false);
        String prompt = "a trench coat, agentic " + UUID.randomUUID();
        script(prompt, verdict(0.4, "crooked belt"), verdict(0.8, ""));
        String id = create(user, "{\"prompt\":\"" + prompt + "\",\"generation_type\":\"AGENTIC\",\"width\":256,\"height\":256}");
        JsonNode done = awaitEnd(user, id);
        assertEquals("completed", done.get("status").asText(), done.toString());
        JsonNode before = done.at("/predictions/0");
        // as if the backend was down when the workflow ended: its last events never arrived
        JdbcTemplate db = hubs.backend().getBean(JdbcTemplate.class);
        db.update("update prediction set status = 'generating', progress = 50, workflow_sequence = 3, result_image_url = null, attempts = null,"
                + " workflow_task_id = null, event_at = now() - interval '1 hour' where generation_id = cast(? as uuid)", id);
        db.update("update generation set status = 'processing', progress = 50, completed_at = null where id = cast(? as uuid)", id);

        JsonNode caughtUp = awaitEnd(user, id);
        assertEquals("completed", caughtUp.get("status").asText(), caughtUp.toString());
        JsonNode after = caughtUp.at("/predictions/0");
        assertEquals(before.get("result_image_url"), after.get("result_image_url"), "the result read from the workflow at compute");
        assertEquals(before.get("attempts"), after.get("attempts"));
        assertEquals(before.get("task_id"), after.get("task_id"));
    }

    @Test
    void aFailedStepFailsThePredictionWithItsError() {
        Tenants.User user = Tenants.user(hubs, false);
        hubs.stack().simulator().faults().next("fal-request", Fault.failed(422), 1);
        JsonNode done = awaitEnd(user, create(user, "{\"prompt\":\"a linen blazer\",\"refine\":true,\"width\":256,\"height\":256}"));
        assertEquals("failed", done.get("status").asText(), done.toString());
        JsonNode prediction = done.at("/predictions/0");
        assertEquals("error", prediction.get("status").asText());
        assertTrue(prediction.get("error_message").asText().startsWith("generate: "), prediction.toString());
        assertEquals(List.of("generate=failed", "refine=skipped"), states(workflow(prediction.get("workflow_id").asText())));
    }

    @Test
    void cancellingAGenerationCancelsItsWorkflows() {
        Tenants.User user = Tenants.user(hubs, false);
        hubs.stack().simulator().setLatencyMillis(20_000);
        try {
            String id = create(user, "{\"prompt\":\"a parka\",\"refine\":true,\"width\":256,\"height\":256}");
            Http.Response cancelled = Http.postJson(hubs.backendUrl() + "/api/v1/generations/" + id + "/cancel", user.token(), "");
            assertEquals(200, cancelled.status(), cancelled.body());
            JsonNode prediction = cancelled.json().at("/predictions/0");
            assertEquals("Cancelled", prediction.get("error_message").asText());
            JsonNode workflow = workflow(prediction.get("workflow_id").asText());
            assertEquals("cancelled", workflow.get("status").asText());
            assertEquals(List.of("generate=cancelled", "refine=skipped"), states(workflow));
        } finally {
            hubs.stack().simulator().setLatencyMillis(300);
        }
    }

    @Test
    void requestsNoPipelineMakesAreRefusedNamingTheField() {
        Tenants.User user = Tenants.user(hubs, false);
        assertRefused(user, "{\"prompt\":\"p\",\"generation_type\":\"AGENTIC\",\"generation_strategy\":\"VIDEO\","
                + "\"input_image_url\":\"https://cdn.example/a.png\"}", "generation_strategy");
        assertRefused(user, "{\"prompt\":\"p\",\"generation_type\":\"AGENTIC\",\"max_attempts\":5}", "max_attempts");
        assertRefused(user, "{\"prompt\":\"p\",\"shot_types\":[\"front\",\"back\"],\"batch_size\":3}", "batch_size");
        assertRefused(user, "{\"prompt\":\"p\",\"generation_strategy\":\"TELEPORT\"}", "generation_strategy");
        assertRefused(user, "{\"prompt\":\"p\",\"generation_strategy\":\"FACE_FIXING\",\"refine\":true,"
                + "\"input_image_url\":\"https://cdn.example/a.png\"}", "refine");
        assertEquals(0, Http.get(hubs.backendUrl() + "/api/v1/generations/", user.token()).json().get("count").asInt(), "nothing half-written");
    }

    private static void assertRefused(Tenants.User user, String body, String field) {
        Http.Response refused = Http.postJson(hubs.backendUrl() + "/api/v1/generations/", user.token(), body);
        assertEquals(422, refused.status(), refused.body());
        assertEquals("[\"body\",\"" + field + "\"]", refused.json().at("/detail/0/loc").toString(), refused.body());
    }

    private static String create(Tenants.User user, String body) {
        Http.Response created = Http.postJson(hubs.backendUrl() + "/api/v1/generations/", user.token(), body);
        assertEquals(201, created.status(), created.body());
        return created.json().get("id").asText();
    }

    private static JsonNode awaitEnd(Tenants.User user, String id) {
        return Http.await(hubs.backendUrl() + "/api/v1/generations/" + id, user.token(), WAIT,
                g -> !g.get("status").asText().equals("processing") && !g.get("status").asText().equals("pending"));
    }

    /** The next LLM calls whose prompt contains the text answer these verdicts, in order (the simulator's scripted answers). */
    private static void script(String match, String... answers) {
        String body = "{\"match\":" + Http.JSON.valueToTree(match) + ",\"answers\":" + Http.JSON.valueToTree(List.of(answers)) + "}";
        Http.Response scripted = Http.postJson(hubs.stack().simulator().baseUrl() + "/_sim/llm/answers", null, body);
        assertEquals(200, scripted.status(), scripted.body());
    }

    private static String verdict(double score, String reasons) {
        return Http.JSON.createObjectNode().put("score", score).put("reasons", reasons).toString();
    }

    private static List<Double> scores(JsonNode attempts) {
        List<Double> scores = new ArrayList<>();
        attempts.forEach(a -> scores.add(a.get("score").asDouble()));
        return scores;
    }

    private static JsonNode workflow(String id) {
        Http.Response workflow = Http.get(hubs.computeUrl() + "/api/v1/workflows/" + id, apiKey);
        assertEquals(200, workflow.status(), workflow.body());
        return workflow.json();
    }

    private static JsonNode task(String id) {
        return Http.get(hubs.computeUrl() + "/api/v1/tasks/" + id, apiKey).json();
    }


    private static List<String> states(JsonNode workflow) {
        List<String> states = new ArrayList<>();
        workflow.get("steps").forEach(s -> states.add(s.get("id").asText() + "=" + s.get("status").asText()));
        return states;
    }
}
