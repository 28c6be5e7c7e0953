package com.sartiq.hub.backend.backup;

import com.sartiq.hub.backend.app.BackendHubApplication;
import com.sartiq.hub.testsupport.HubStack;
import com.sartiq.hub.testsupport.Ports;
import com.sartiq.hub.testsupport.S3Service;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The backup route dumps the hub's database to the snapshots bucket with its checksum and purges
 * snapshots past retention; {@code deployment/restore-snapshot.sh} restores it into a fresh database
 * with the same rows. Needs pg_dump (not older than the server), zstd, psql and curl on the machine.
 */
class BackupRestoreTest {

    private static final String ENVIRONMENT = "test";
    private static ConfigurableApplicationContext hub;
    private static String bucket;
    private static String sourceUrl;
    private static S3Client s3;

    @BeforeAll
    static void start() throws Exception {
        HubStack stack = HubStack.shared();
        assumeTrue(toolsMatch(stack), "pg_dump, zstd, psql and curl must be installed, pg_dump not older than the server");
        String run = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        bucket = "snapshots-" + run;
        stack.s3().createBucket(bucket);
        sourceUrl = stack.postgres().database("hub_" + run + "_backup_src", true);
        List<String> args = new ArrayList<>(stack.backendArgs(Ports.free(), Ports.free()));
        args.replaceAll(a -> a.startsWith("--spring.datasource.url=") ? "--spring.datasource.url=" + sourceUrl : a);
        args.addAll(List.of("--hub.backup.enabled=true", "--hub.backup.bucket=" + bucket, "--hub.backup.environment=" + ENVIRONMENT));
        hub = BackendHubApplication.application().run(args.toArray(String[]::new));
        s3 = hub.getBean(S3Client.class);
    }

    @AfterAll
    static void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void aSnapshotWithItsChecksumRestoresIntoAFreshDatabaseWithTheSameRowsAndOldSnapshotsArePurged() throws Exception {
        String prefix = "snapshots/backend/" + ENVIRONMENT + "/";
        String expired = prefix + "pgsql_app_db_" + stamp(Instant.now().minus(31, ChronoUnit.DAYS)) + ".sql.zst";
        String kept = prefix + "pgsql_app_db_" + stamp(Instant.now().minus(29, ChronoUnit.DAYS)) + ".sql.zst";
        for (String key : List.of(expired, expired + ".md5", kept, kept + ".md5")) {
            s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("placeholder"));
        }
        try (Connection c = DriverManager.getConnection(sourceUrl, HubStack.shared().postgres().user(), HubStack.shared().postgres().password());
             Statement s = c.createStatement()) {
            // a table of our own with rows and awkward values, beside the hub's migrated tables
            s.execute("create table backup_probe (id int primary key, note text)");
            s.execute("insert into backup_probe select g, 'row ' || g || E' with \\t tab and '' quote' from generate_series(1, 500) g");
        }

        String key = hub.getBean(ProducerTemplate.class).requestBody("direct:backup.run", null, String.class);

        assertTrue(key.matches("snapshots/backend/test/pgsql_app_db_\\d{8}-\\d{6}\\.sql\\.zst"), key);
        List<String> keys = s3.listObjectsV2(b -> b.bucket(bucket).prefix(prefix)).contents().stream().map(S3Object::key).toList();
        assertTrue(keys.contains(key) && keys.contains(key + ".md5"), keys.toString());
        assertTrue(keys.contains(kept) && keys.contains(kept + ".md5"), "within retention: kept " + keys);
        assertFalse(keys.contains(expired) || keys.contains(expired + ".md5"), "past retention: purged " + keys);
        String md5File = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key + ".md5")).asString(StandardCharsets.UTF_8);
        assertTrue(md5File.matches("[0-9a-f]{32}  pgsql_app_db_\\d{8}-\\d{6}\\.sql\\.zst\\n"), md5File);
        byte[] snapshot = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
        assertEquals((byte) 0x28, snapshot[0], "zstd magic number");

        String targetUrl = HubStack.shared().postgres().database("hub_" + bucket.substring(10) + "_backup_dst", true);
        restore(key, targetUrl);
        Map<String, Long> source = rowCounts(sourceUrl);
        assertTrue(source.get("backup_probe") == 500 && source.get("flyway_schema_history") > 0, source.toString());
        assertEquals(source, rowCounts(targetUrl));

        // the snapshot drops and recreates what it holds: restoring again over the restored database works
        restore(key, targetUrl);
        assertEquals(source, rowCounts(targetUrl));
    }

    private static void restore(String key, String jdbcUrl) throws Exception {
        var postgres = HubStack.shared().postgres();
        String libpqUrl = jdbcUrl.replaceFirst("^jdbc:postgresql://", "postgresql://" + postgres.user() + "@");
        ProcessBuilder restore = new ProcessBuilder("bash", script().toString(), key, libpqUrl).redirectErrorStream(true);
        restore.environment().putAll(Map.of("HUB_S3_ENDPOINT", HubStack.shared().s3().endpoint(), "HUB_S3_REGION", "us-east-1",
                "HUB_S3_ACCESS_KEY", S3Service.ACCESS_KEY, "HUB_S3_SECRET_KEY", S3Service.SECRET_KEY, "HUB_BACKUP_BUCKET", bucket,
                "PGPASSWORD", postgres.password()));
        Process process = restore.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), output);
        assertEquals(0, process.exitValue(), output);
    }

    private static Map<String, Long> rowCounts(String jdbcUrl) throws Exception {
        var postgres = HubStack.shared().postgres();
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, postgres.user(), postgres.password()); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select quote_ident(table_name) from information_schema.tables "
                    + "where table_schema = 'public' and table_type = 'BASE TABLE'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("select count(*) from " + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        return counts;
    }

    private static Path script() {
        Path here = Path.of("").toAbsolutePath();
        Path script = here.resolve("../../deployment/restore-snapshot.sh").normalize();
        return Files.exists(script) ? script : here.resolve("deployment/restore-snapshot.sh");
    }

    private static String stamp(Instant at) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(java.time.ZoneOffset.UTC).format(at);
    }

    /** pg_dump refuses servers newer than itself (the embedded PostgreSQL 17 fallback with an older client). */
    private static boolean toolsMatch(HubStack stack) {
        try {
            for (String tool : List.of("zstd", "psql", "curl", "md5sum")) {
                if (new ProcessBuilder(tool, "--version").redirectErrorStream(true).start().waitFor() != 0) {
                    return false;
                }
            }
            Process dump = new ProcessBuilder("pg_dump", "--version").redirectErrorStream(true).start();
            String version = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            dump.waitFor();
            int client = Integer.parseInt(version.replaceAll("(?s)^\\D*(\\d+).*$", "$1"));
            try (Connection c = DriverManager.getConnection(stack.postgres().jdbcUrl("postgres"), stack.postgres().user(), stack.postgres().password());
                 ResultSet rs = c.createStatement().executeQuery("show server_version_num")) {
                rs.next();
                return client >= rs.getInt(1) / 10000;
            }
        } catch (Exception e) {
            return false;
        }
    }
}
