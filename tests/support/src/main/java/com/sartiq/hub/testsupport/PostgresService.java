package com.sartiq.hub.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * A PostgreSQL server: the configured one ({@code HUB_TEST_PG_URL}, default 127.0.0.1:5432) when it
 * answers, else an embedded PostgreSQL 17. Hands out private databases and drops only those.
 */
public final class PostgresService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresService.class);

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final EmbeddedPostgres embedded;
    private final List<String> created = new ArrayList<>();

    private PostgresService(String host, int port, String user, String password, EmbeddedPostgres embedded) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
    }

    /** The configured server if it answers, else an embedded one. */
    public static PostgresService findOrStart() {
        String url = env("HUB_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
        String user = env("HUB_TEST_PG_USER", "postgres");
        String password = env("HUB_TEST_PG_PASSWORD", "");
        try (Connection ignored = connect(url, user, password)) {
            java.net.URI uri = java.net.URI.create(url.substring("jdbc:".length()));
            LOG.info("Using PostgreSQL at {}", url);
            return new PostgresService(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), user, password, null);
        } catch (SQLException e) {
            LOG.info("No PostgreSQL answers at {} ({}); starting an embedded one", url, e.getMessage());
            return embedded(null);
        }
    }

    /** An embedded PostgreSQL 17 on a free port; with a data directory its data survives restarts. */
    public static PostgresService embedded(Path dataDirectory) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (dataDirectory != null) {
                stopOrphanedServer(dataDirectory);
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            EmbeddedPostgres pg = builder.start();
            LOG.info("Embedded PostgreSQL listening on 127.0.0.1:{}", pg.getPort());
            return new PostgresService("127.0.0.1", pg.getPort(), "postgres", "", pg);
        } catch (Exception e) {
            throw new IllegalStateException("could not start embedded PostgreSQL", e);
        }
    }

    /**
     * A previous run that was killed outright leaves its postmaster running on the kept data
     * directory, which would refuse to start a second time: stop it first.
     */
    private static void stopOrphanedServer(Path dataDirectory) throws Exception {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!java.nio.file.Files.exists(pidFile)) {
            return;
        }
        long pid = Long.parseLong(java.nio.file.Files.readAllLines(pidFile).get(0).trim());
        var orphan = ProcessHandle.of(pid);
        if (orphan.isPresent() && orphan.get().info().command().orElse("").contains("postgres")) {
            LOG.warn("Stopping PostgreSQL left running by an earlier run (pid {})", pid);
            orphan.get().destroy();
            orphan.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    /** Creates the database if missing; databases created here are dropped on {@link #close()} unless kept. */
    public synchronized String database(String name, boolean dropOnClose) {
        if (!name.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("database names here are [a-z0-9_]+: " + name);
        }
        try (Connection c = connect(jdbcUrl("postgres"), user, password); Statement s = c.createStatement()) {
            var rs = s.executeQuery("select 1 from pg_database where datname = '" + name + "'");
            if (!rs.next()) {
                s.execute("create database " + name);
                if (dropOnClose) {
                    created.add(name);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        return jdbcUrl(name);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    @Override
    public synchronized void close() {
        if (!created.isEmpty()) {
            try (Connection c = connect(jdbcUrl("postgres"), user, password); Statement s = c.createStatement()) {
                for (String name : created) {
                    s.execute("drop database if exists " + name + " with (force)");
                }
            } catch (SQLException e) {
                LOG.warn("Could not drop test databases {}: {}", created, e.getMessage());
            }
            created.clear();
        }
        if (embedded != null) {
            try {
                embedded.close();
            } catch (Exception e) {
                LOG.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
            }
        }
    }

    private static Connection connect(String url, String user, String password) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        props.setProperty("connectTimeout", "2");
        return DriverManager.getConnection(url, props);
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
