package com.sartiq.hub.compute.workers;

import com.sartiq.hub.compute.app.ComputeHubApplication;
import com.sartiq.hub.testsupport.HubStack;
import com.sartiq.hub.testsupport.Ports;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two compute-hub instances on one database, as two containers of one role would run: every task is
 * worked on exactly once, and a clustered Quartz job fires on one instance per firing.
 */
class TwoInstancesTest {

    private static final String QUEUE = "twin";
    private static final int TASKS = 1000;

    private static final List<ConfigurableApplicationContext> hubs = new ArrayList<>();
    /** task id → instances that ran it */
    private static final Map<String, List<String>> ranBy = new ConcurrentHashMap<>();
    /** scheduled fire time → instances that ran the job for it */
    private static final Map<Date, List<String>> firedBy = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        for (String name : List.of("a", "b")) {
            List<String> args = new ArrayList<>(HubStack.shared().computeArgs(Ports.free(), "inference,beat"));
            args.addAll(List.of("--hub.workers." + QUEUE + ".role=inference", "--hub.workers." + QUEUE + ".handler=direct:test.record",
                    "--hub.workers." + QUEUE + ".concurrency=8", "--hub.workers." + QUEUE + ".poll-interval-ms=50",
                    "--hub.worker.heartbeat-interval-ms=1000",
                    // the machine's PostgreSQL is shared by many test JVMs: small pools
                    "--spring.datasource.hikari.maximum-pool-size=8", "--spring.datasource.hikari.minimum-idle=1",
                    // two hubs in one JVM would get different JMX names (compute-hub, compute-hub-1), and camel-quartz finds
                    // the context of a job fired elsewhere in the cluster by that name: separate JVMs (production) share it
                    "--camel.main.jmx-enabled=false"));
            ConfigurableApplicationContext hub = ComputeHubApplication.application().run(args.toArray(String[]::new));
            hub.getBean(CamelContext.class).addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    // the instant worker: remember who ran the task, then complete it like any handler
                    from("direct:test.record").routeId("test.record")
                        .process(e -> ranBy.computeIfAbsent(e.getProperty("taskId", String.class), id -> new CopyOnWriteArrayList<>()).add(name))
                        .to("direct:tasks.noop");
                    from("quartz://test/tick?cron=0/1+*+*+*+*+?&stateful=true").routeId("test.tick")
                        .process(e -> firedBy.computeIfAbsent(e.getMessage().getHeader("scheduledFireTime", Date.class),
                                t -> new CopyOnWriteArrayList<>()).add(name));
                }
            });
            hubs.add(hub);
        }
    }

    @AfterAll
    static void stop() {
        hubs.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void twoInstancesWorkOnEachOfAThousandTasksExactlyOnce() throws Exception {
        JdbcClient jdbc = hubs.get(0).getBean(JdbcClient.class);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) {
            ids.add(UUID.randomUUID());
        }
        // one statement, so both instances see the whole backlog at once and race for it
        jdbc.sql("insert into task (id, task_type, queue, params) select unnest(cast(? as uuid[])), 'BACKGROUND_REMOVE', ?, '{}'::jsonb")
                .params(ids.stream().map(UUID::toString).toArray(String[]::new), QUEUE).update();

        long deadline = System.currentTimeMillis() + 120_000;
        int completed = 0;
        while (System.currentTimeMillis() < deadline) {
            completed = jdbc.sql("select count(*) from task where queue = ? and status = 'completed'").param(QUEUE).query(Integer.class).single();
            if (completed == TASKS) {
                break;
            }
            Thread.sleep(200);
        }
        assertEquals(TASKS, completed, "every task completed");
        List<String> twice = ranBy.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey).toList();
        assertTrue(twice.isEmpty(), "tasks run more than once: " + twice);
        assertEquals(TASKS, ranBy.size(), "each task was run");
        Map<String, Integer> perInstance = new HashMap<>();
        ranBy.values().forEach(v -> perInstance.merge(v.get(0), 1, Integer::sum));
        assertEquals(2, perInstance.size(), "both instances took a share: " + perInstance);
        assertEquals(List.of(Map.of("attempt", 1, "events", 2L)), jdbc.sql("select distinct attempt, (select count(*) from task_event e where e.task_id = t.id) as events "
                + "from task t where queue = ?").param(QUEUE).query().listOfRows(), "one claim each, one running and one completed event each");
    }

    @Test
    void aClusteredQuartzJobFiresOnOneInstancePerFiring() throws Exception {
        Thread.sleep(6_000);
        List<Date> doubled = firedBy.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey).toList();
        assertTrue(doubled.isEmpty(), "fired on both instances: " + doubled);
        assertTrue(firedBy.size() >= 4, "the job fired every second: " + firedBy.keySet());
        List<String> all = new ArrayList<>();
        firedBy.values().forEach(all::addAll);
        assertEquals(firedBy.size(), all.size(), Collections.frequency(all, "a") + " on a, " + Collections.frequency(all, "b") + " on b");
    }
}
