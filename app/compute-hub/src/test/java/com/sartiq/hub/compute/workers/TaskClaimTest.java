package com.sartiq.hub.compute.workers;

import com.sartiq.hub.compute.app.ComputeHubApplication;
import com.sartiq.hub.testsupport.HubStack;
import com.sartiq.hub.testsupport.Ports;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The claim query the workers run, through its camel-sql endpoint on real PostgreSQL: concurrent
 * claimers never share a task, expired leases come back, and every claim writes its event.
 */
class TaskClaimTest {

    private static final String CLAIM = "sql:classpath:sql/compute/task-claim.sql?outputType=SelectList";

    private static ConfigurableApplicationContext hub;
    private static ProducerTemplate template;
    private static JdbcClient jdbc;

    @BeforeAll
    static void start() {
        // no worker roles: the test itself is the worker
        hub = ComputeHubApplication.application().run(HubStack.shared().computeArgs(Ports.free(), "api").toArray(String[]::new));
        template = hub.getBean(CamelContext.class).createProducerTemplate();
        jdbc = hub.getBean(JdbcClient.class);
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void claimsEachTaskOnceUnderConcurrentWorkers() throws Exception {
        String queue = "claim-test-" + UUID.randomUUID().toString().substring(0, 8);
        int tasks = 400;
        for (int i = 0; i < tasks; i++) {
            jdbc.sql("insert into task (id, task_type, queue, params) values (?, 'GENERATION', ?, '{}'::jsonb)")
                    .params(UUID.randomUUID(), queue).update();
        }
        Map<String, String> claimedBy = new ConcurrentHashMap<>();
        List<String> doubles = new ArrayList<>();
        ExecutorService workers = Executors.newFixedThreadPool(6);
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < 6; w++) {
            String worker = "worker-" + w;
            running.add(workers.submit(() -> {
                while (true) {
                    List<Map<String, Object>> batch = claim(queue, worker, 7, 60);
                    if (batch.isEmpty()) {
                        return;
                    }
                    for (Map<String, Object> row : batch) {
                        if (claimedBy.putIfAbsent((String) row.get("id"), worker) != null) {
                            synchronized (doubles) {
                                doubles.add((String) row.get("id"));
                            }
                        }
                    }
                }
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        workers.shutdown();
        assertTrue(doubles.isEmpty(), "tasks claimed twice: " + doubles);
        assertEquals(tasks, claimedBy.size());
        assertEquals(tasks, jdbc.sql("select count(*) from task_event e join task t on t.id = e.task_id where t.queue = ? and e.seq = 1")
                .param(queue).query(Integer.class).single(), "each claim wrote its running event");
        assertTrue(claimedBy.values().stream().distinct().count() > 1, "the work was shared between workers");
    }

    @Test
    void theReaperRequeuesAnExpiredLeaseUntilAttemptsRunOutThenFailsTheTask() {
        String queue = "lease-test-" + UUID.randomUUID().toString().substring(0, 8);
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into task (id, task_type, queue, params, max_attempts) values (?, 'GENERATION', ?, '{}'::jsonb, 2)").params(id, queue).update();

        assertEquals(1, claim(queue, "crashing-worker", 5, 0).size(), "first claim, lease of 0 s: the worker 'dies'");
        assertTrue(claim(queue, "second-worker", 5, 60).isEmpty(), "a running task is not claimed while the reaper has not judged it");
        reap("");
        assertEquals("pending", status(id), "never dispatched: safe to run again");
        List<Map<String, Object>> again = claim(queue, "second-worker", 5, 0);
        assertEquals(1, again.size(), "the requeued task is claimed again");
        assertEquals(2, ((Number) again.get(0).get("attempt")).intValue());

        reap("");
        Map<String, Object> task = jdbc.sql("select status, error_category, retries from task where id = ?").param(id).query().singleRow();
        assertEquals("failed", task.get("status"), "no attempts left");
        assertEquals("worker_lost", task.get("error_category"));
        assertEquals(1, ((Number) task.get("retries")).intValue());
    }

    @Test
    void aPaidTaskWhoseWorkerDiedAfterDispatchIsNeverRunAgain() {
        String queue = "doubt-test-" + UUID.randomUUID().toString().substring(0, 8);
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into task (id, task_type, queue, params) values (?, 'GENERATION', ?, '{}'::jsonb)").params(id, queue).update();
        claim(queue, "dying-worker", 1, 0);
        assertEquals(id.toString(), template.requestBody("sql:classpath:sql/compute/task-dispatch.sql?outputType=SelectOne",
                Map.of("taskId", id.toString(), "workerId", "dying-worker"), String.class));

        reap("");
        assertEquals("running", status(id), "in doubt: within the grace a provider webhook may still adopt the request");
        jdbc.sql("update task set lease_until = now() - interval '1 hour' where id = ?").param(id).update();
        reap("");
        Map<String, Object> task = jdbc.sql("select status, error_category from task where id = ?").param(id).query().singleRow();
        assertEquals("failed", task.get("status"));
        assertEquals("worker_lost", task.get("error_category"));

        UUID cpu = UUID.randomUUID();
        jdbc.sql("insert into task (id, task_type, queue, params) values (?, 'BACKGROUND_REMOVE', ?, '{}'::jsonb)").params(cpu, queue + "-cpu").update();
        claim(queue + "-cpu", "dying-worker", 1, 0);
        template.requestBody("sql:classpath:sql/compute/task-dispatch.sql?outputType=SelectOne", Map.of("taskId", cpu.toString(), "workerId", "dying-worker"));
        reap(queue + "-cpu");
        assertEquals("pending", status(cpu), "a queue that repeats in-doubt attempts gets the task back at once");
    }

    @Test
    void aTaskOverItsTimeLimitFails() {
        String queue = "limit-test-" + UUID.randomUUID().toString().substring(0, 8);
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into task (id, task_type, queue, params, time_limit_seconds) values (?, 'GENERATION', ?, '{}'::jsonb, 1)").params(id, queue).update();
        claim(queue, "slow-worker", 1, 600);
        jdbc.sql("update task set started_at = now() - interval '5 seconds' where id = ?").param(id).update();
        reap("");
        Map<String, Object> task = jdbc.sql("select status, error_category from task where id = ?").param(id).query().singleRow();
        assertEquals("failed", task.get("status"));
        assertEquals("timeout", task.get("error_category"));
    }

    private static void reap(String requeueInDoubt) {
        template.requestBody("sql:classpath:sql/compute/task-reap.sql?outputType=SelectList",
                Map.of("limit", 1000, "requeueInDoubt", requeueInDoubt, "inDoubtGraceSeconds", 300));
    }

    private static String status(UUID id) {
        return jdbc.sql("select status from task where id = ?").param(id).query(String.class).single();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> claim(String queue, String worker, int limit, int leaseSeconds) {
        Map<String, Object> params = new HashMap<>();
        params.put("queue", queue);
        params.put("workerId", worker);
        params.put("limit", limit);
        params.put("leaseSeconds", leaseSeconds);
        return template.requestBody(CLAIM, params, List.class);
    }
}
