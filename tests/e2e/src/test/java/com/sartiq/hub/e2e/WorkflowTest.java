package com.sartiq.hub.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.sartiq.hub.localstack.LocalStack;
import com.sartiq.hub.sim.Fault;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The workflow engine over the real compute hub and the fal simulator: a GENERATION → REFINE pipeline
 * hands the generated image to the refine, a bad DAG is refused naming the step and field, fail_fast
 * on a failing step fails the workflow and skips or cancels the rest, a step whose condition is false is
 * skipped (with its dependants) without failing the workflow, a repeated Idempotency-Key answers the
 * first workflow, and a step the engine queues wakes its queue's workers over Redis.
 */
class WorkflowTest {

    private static LocalStack hubs;
    private static String apiKey;
    private static String workflows;

    private static final String PIPELINE = "{\"name\":\"product shot\",\"origin_instance\":\"e2e\",\"steps\":["
            + "{\"id\":\"generate\",\"task_type\":\"GENERATION\",\"config\":{\"prompt\":\"a linen dress\",\"width\":256,\"height\":256}},"
            + "{\"id\":\"refine\",\"task_type\":\"REFINE\",\"config\":{\"upscale_factor\":2},\"depends_on\":[\"generate\"],"
            + "\"input_mappings\":{\"image_url\":\"generate.images.0.url\"}}%s]%s}";

    @BeforeAll
    static void start() {
        hubs = Hubs.get();
        apiKey = hubs.stack().secrets().computeApiKey();
        workflows = hubs.computeUrl() + "/api/v1/workflows/";
    }

    @Test
    void generationThenRefineCompletesWithTheGeneratedImageAsRefineInput() {
        Http.Response created = Http.postJson(workflows, apiKey, PIPELINE.formatted("", ""));
        assertEquals(201, created.status(), created.body());
        String id = created.json().get("id").asText();
        assertEquals("running", created.json().get("status").asText());
        assertEquals("queued", Workflows.step(created.json(), "generate").get("status").asText(), "the root step is queued at once");
        assertEquals("waiting", Workflows.step(created.json(), "refine").get("status").asText());

        JsonNode done = Http.await(workflows + id, apiKey, Duration.ofSeconds(90), w -> !w.get("status").asText().equals("running"));
        assertEquals("completed", done.get("status").asText(), done.toString());
        JsonNode generate = Workflows.step(done, "generate");
        JsonNode refine = Workflows.step(done, "refine");
        String generated = generate.at("/output/images/0/url").asText();
        assertTrue(generated.startsWith("http"), generate.toString());
        assertEquals("completed", refine.get("status").asText());
        assertNotNull(refine.get("completed_at").textValue());
        assertTrue(refine.at("/output/images/0/url").asText().startsWith("http"), refine.toString());

        // the refine ran as an ordinary task whose input is the generation's output
        JsonNode refineTask = Http.get(hubs.computeUrl() + "/api/v1/tasks/" + refine.get("task_id").asText(), apiKey).json();
        assertEquals(generated, refineTask.at("/params/image_url").asText());
        assertEquals(id, refineTask.at("/metadata/workflow_id").asText());
        assertEquals(1, refine.get("runs").asInt(), "each step enqueued once");

        assertEquals(409, Http.postJson(workflows + id + "/start", apiKey, "").status(), "a running or finished workflow does not start again");
        assertEquals(409, Http.postJson(workflows + id + "/resume", apiKey, "").status(), "a completed workflow has nothing to resume");
    }

    @Test
    void badDagsAreRefusedNamingTheStepAndField() {
        Http.Response cycle = Http.postJson(workflows, apiKey, "{\"name\":\"loop\",\"steps\":["
                + "{\"id\":\"a\",\"task_type\":\"GENERATION\",\"config\":{\"prompt\":\"x\"},\"depends_on\":[\"b\"]},"
                + "{\"id\":\"b\",\"task_type\":\"GENERATION\",\"config\":{\"prompt\":\"y\"},\"depends_on\":[\"a\"]}]}");
        assertEquals(422, cycle.status(), cycle.body());
        assertEquals("[\"body\",\"steps\",0,\"depends_on\"]", cycle.json().at("/detail/0/loc").toString());

        Http.Response dangling = Http.postJson(workflows, apiKey, PIPELINE.formatted("", "").replace("generate.images", "ghost.images"));
        assertEquals(422, dangling.status(), dangling.body());
        assertEquals("[\"body\",\"steps\",1,\"input_mappings\",\"image_url\"]", dangling.json().at("/detail/0/loc").toString());

        Http.Response unknownType = Http.postJson(workflows, apiKey, PIPELINE.formatted("", "").replace("\"REFINE\"", "\"TELEPORT\""));
        assertEquals(422, unknownType.status(), unknownType.body());
        assertEquals("[\"body\",\"steps\",1,\"task_type\"]", unknownType.json().at("/detail/0/loc").toString());

        Http.Response badParams = Http.postJson(workflows, apiKey, PIPELINE.formatted("", "").replace("\"upscale_factor\":2", "\"upscale_factor\":9"));
        assertEquals(422, badParams.status(), badParams.body());
        assertEquals("[\"body\",\"steps\",1,\"config\",\"upscale_factor\"]", badParams.json().at("/detail/0/loc").toString());

        assertEquals(404, Http.get(workflows + "00000000-0000-0000-0000-000000000000", apiKey).status());
    }

    @Test
    void failFastFailsTheWorkflowAndSkipsTheRest() {
        hubs.stack().simulator().faults().next("fal-request", Fault.failed(422), 1);
        Http.Response created = Http.postJson(workflows, apiKey, PIPELINE.formatted("", ",\"start\":false"));
        assertEquals(201, created.status(), created.body());
        String id = created.json().get("id").asText();
        assertEquals("created", created.json().get("status").asText());
        assertEquals(200, Http.postJson(workflows + id + "/start", apiKey, "").status());

        JsonNode failed = Http.await(workflows + id, apiKey, Duration.ofSeconds(90), w -> !w.get("status").asText().equals("running"));
        assertEquals("failed", failed.get("status").asText(), failed.toString());
        assertEquals("failed", Workflows.step(failed, "generate").get("status").asText());
        assertNotNull(Workflows.step(failed, "generate").get("error_message").textValue());
        assertEquals("skipped", Workflows.step(failed, "refine").get("status").asText());
        assertTrue(Workflows.step(failed, "refine").get("task_id").isNull(), "the refine never became a task");

        // resume runs only the failed and skipped steps, and this time they pass
        Http.Response resumed = Http.postJson(workflows + id + "/resume", apiKey, "");
        assertEquals(200, resumed.status(), resumed.body());
        JsonNode done = Http.await(workflows + id, apiKey, Duration.ofSeconds(90), w -> !w.get("status").asText().equals("running"));
        assertEquals("completed", done.get("status").asText(), done.toString());
        assertEquals(2, Workflows.step(done, "generate").get("runs").asInt(), "the failed step ran again");
        assertEquals(1, Workflows.step(done, "refine").get("runs").asInt());
    }

    @Test
    void cancelSkipsWaitingStepsAndCancelsQueuedTasks() {
        hubs.stack().simulator().setLatencyMillis(3000);
        try {
            Http.Response created = Http.postJson(workflows, apiKey, PIPELINE.formatted("", ""));
            String id = created.json().get("id").asText();
            String generateTask = Workflows.step(created.json(), "generate").get("task_id").asText();
            Http.Response cancelled = Http.postJson(workflows + id + "/cancel", apiKey, "");
            assertEquals(200, cancelled.status(), cancelled.body());
            assertEquals("cancelled", cancelled.json().get("status").asText());
            List<String> statuses = new ArrayList<>();
            cancelled.json().get("steps").forEach(s -> statuses.add(s.get("id").asText() + "=" + s.get("status").asText()));
            assertEquals(List.of("generate=cancelled", "refine=skipped"), statuses);
            assertEquals("cancelled", Http.get(hubs.computeUrl() + "/api/v1/tasks/" + generateTask, apiKey).json().get("status").asText());
        } finally {
            hubs.stack().simulator().setLatencyMillis(300);
        }
    }

    @Test
    void concurrentStartsEnqueueEachRootStepOnce() throws Exception {
        String id = Http.postJson(workflows, apiKey, PIPELINE.formatted("", ",\"start\":false")).json().get("id").asText();
        List<CompletableFuture<Integer>> starts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            starts.add(CompletableFuture.supplyAsync(() -> Http.postJson(workflows + id + "/start", apiKey, "").status()));
        }
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<Integer> start : starts) {
            statuses.add(start.get(30, TimeUnit.SECONDS));
        }
        assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 409), statuses.toString());
        assertTrue(statuses.contains(200), statuses.toString());
        JsonNode done = Http.await(workflows + id, apiKey, Duration.ofSeconds(90), w -> !w.get("status").asText().equals("running"));
        assertEquals("completed", done.get("status").asText(), done.toString());
        assertEquals(1, Workflows.step(done, "generate").get("runs").asInt(), "one task for the root step, however many starts");
        assertEquals(1, Workflows.step(done, "refine").get("runs").asInt());
        assertEquals(401, Http.get(workflows + id, null).status(), "the workflow API takes the compute API key");
    }

    @Test
    void aFalseConditionSkipsItsStepAndDependantsAndTheWorkflowStillCompletes() {
        // the simulator's JSON answer echoes the prompt and counts its characters: 12 here
        Http.Response created = Http.postJson(workflows, apiKey, "{\"name\":\"agentic\",\"inputs\":{\"max_chars\":100,\"prompt\":\"a red coat\"},"
                + "\"steps\":[{\"id\":\"evaluate\",\"task_type\":\"LLM_INTERACTION\",\"config\":{\"prompt\":\"score it now\",\"response_format\":\"json\"}},"
                + "{\"id\":\"regenerate\",\"task_type\":\"GENERATION\",\"depends_on\":[\"evaluate\"],\"when\":\"evaluate.json.prompt_chars > $input.max_chars\","
                + "\"config\":{\"prompt\":\"{{ $input.prompt }}\",\"width\":256,\"height\":256}},"
                + "{\"id\":\"refine\",\"task_type\":\"REFINE\",\"depends_on\":[\"regenerate\"],\"input_mappings\":{\"image_url\":\"regenerate.images.0.url\"}},"
                + "{\"id\":\"caption\",\"task_type\":\"LLM_INTERACTION\",\"depends_on\":[\"evaluate\"],\"when\":\"evaluate.json.prompt_chars <= 100\","
                + "\"config\":{\"prompt\":\"{{ $input.prompt }}, judged: {{ evaluate.json.answer }}\"}}]}");
        assertEquals(201, created.status(), created.body());
        String id = created.json().get("id").asText();
        assertEquals("evaluate.json.prompt_chars > $input.max_chars", Workflows.step(created.json(), "regenerate").get("when").asText());

        JsonNode done = Http.await(workflows + id, apiKey, Duration.ofSeconds(60), w -> !w.get("status").asText().equals("running"));
        assertEquals("completed", done.get("status").asText(), done.toString());
        assertEquals(100, done.get("progress").asInt());
        JsonNode regenerate = Workflows.step(done, "regenerate");
        assertEquals("skipped", regenerate.get("status").asText());
        assertEquals("condition", regenerate.get("skip_reason").asText());
        assertEquals("condition not met: evaluate.json.prompt_chars > $input.max_chars", regenerate.get("error_message").asText());
        assertTrue(regenerate.get("task_id").isNull(), "a step skipped by its condition never becomes a task");
        assertEquals("condition", Workflows.step(done, "refine").get("skip_reason").asText(), "skipped the same way as the step it depends on");
        JsonNode caption = Workflows.step(done, "caption");
        assertEquals("completed", caption.get("status").asText());
        JsonNode captionTask = Http.get(hubs.computeUrl() + "/api/v1/tasks/" + caption.get("task_id").asText(), apiKey).json();
        assertEquals("a red coat, judged: score it now", captionTask.at("/params/prompt").asText(), "the template read the evaluation");
    }

    @Test
    void badConditionsAndTemplatesAreRefusedNamingTheStepAndField() {
        Http.Response bad = Http.postJson(workflows, apiKey, PIPELINE.formatted(",{\"id\":\"check\",\"task_type\":\"LLM_INTERACTION\","
                + "\"depends_on\":[\"generate\"],\"when\":\"refine.json.score < 7\",\"config\":{\"prompt\":\"{{ $input.missing }}\"}}", ""));
        assertEquals(422, bad.status(), bad.body());
        List<String> locs = new ArrayList<>();
        bad.json().get("detail").forEach(d -> locs.add(d.get("loc").toString()));
        assertEquals(List.of("[\"body\",\"steps\",2,\"config\",\"prompt\"]", "[\"body\",\"steps\",2,\"when\"]"), locs, bad.body());
        assertTrue(bad.json().at("/detail/1/msg").asText().contains("Step 'check'"), bad.body());

        Http.Response syntax = Http.postJson(workflows, apiKey, PIPELINE.formatted("", "").replace("\"depends_on\":[\"generate\"],",
                "\"depends_on\":[\"generate\"],\"when\":\"generate.seed is odd\","));
        assertEquals(422, syntax.status(), syntax.body());
        assertEquals("[\"body\",\"steps\",1,\"when\"]", syntax.json().at("/detail/0/loc").toString());
    }

    @Test
    void aRepeatedIdempotencyKeyAnswersTheFirstWorkflow() {
        String key = "wf-" + System.nanoTime();
        Http.Response first = Http.postJson(workflows, apiKey, PIPELINE.formatted("", ",\"start\":false"), Map.of("Idempotency-Key", key));
        assertEquals(201, first.status(), first.body());
        Http.Response again = Http.postJson(workflows, apiKey, PIPELINE.formatted("", ",\"start\":false"), Map.of("Idempotency-Key", key));
        assertEquals(200, again.status(), again.body());
        assertEquals(first.json().get("id").asText(), again.json().get("id").asText());
        assertEquals("created", again.json().get("status").asText());
        assertEquals(200, Http.postJson(workflows + first.json().get("id").asText() + "/cancel", apiKey, "").status());
    }

    @Test
    void aStepTheEngineQueuesWakesItsQueuesWorkers() throws Exception {
        // compute's wake channel sits beside its task-event channel (same key prefix)
        String wakeChannel = hubs.stack().computeEventsChannel().replace("task-events", "task-queued");
        List<String> woken = new CopyOnWriteArrayList<>();
        AtomicReference<String> workflow = new AtomicReference<>();
        AtomicReference<String> generateAtFirstFalWake = new AtomicReference<>();
        CountDownLatch subscribed = new CountDownLatch(1);
        JedisPubSub listener = new JedisPubSub() {
            @Override
            public void onMessage(String channel, String message) {
                woken.add(message);
                // a freed fal slot wakes the fal queue too, but only after a fal task ended: this wake must come first
                if (message.equals("fal") && workflow.get() != null && generateAtFirstFalWake.get() == null) {
                    generateAtFirstFalWake.set(Workflows.step(Http.get(workflows + workflow.get(), apiKey).json(), "generate").path("task_status").asText());
                }
            }

            @Override
            public void onSubscribe(String channel, int count) {
                subscribed.countDown();
            }
        };
        Thread subscriber = new Thread(() -> {
            try (Jedis jedis = new Jedis(hubs.stack().redis().host(), hubs.stack().redis().port())) {
                jedis.subscribe(listener, wakeChannel);
            }
        });
        subscriber.start();
        assertTrue(subscribed.await(10, TimeUnit.SECONDS));
        try {
            Http.Response created = Http.postJson(workflows, apiKey, "{\"name\":\"wake\",\"steps\":["
                    + "{\"id\":\"describe\",\"task_type\":\"LLM_INTERACTION\",\"config\":{\"prompt\":\"a scarf\"}},"
                    + "{\"id\":\"generate\",\"task_type\":\"GENERATION\",\"depends_on\":[\"describe\"],"
                    + "\"config\":{\"prompt\":\"{{ describe.text }}\",\"width\":256,\"height\":256}}]}");
            assertEquals(201, created.status(), created.body());
            workflow.set(created.json().get("id").asText());
            JsonNode done = Http.await(workflows + workflow.get(), apiKey, Duration.ofSeconds(60), w -> !w.get("status").asText().equals("running"));
            assertEquals("completed", done.get("status").asText(), done.toString());
            assertTrue(woken.contains("llm"), "the root step, queued by the create, woke the llm workers: " + woken);
            assertTrue(List.of("pending", "running").contains(generateAtFirstFalWake.get()),
                    "the step queued when the first ended woke the fal workers, before its task ended: " + generateAtFirstFalWake.get());
        } finally {
            listener.unsubscribe();
            subscriber.join(5000);
        }
    }
}
