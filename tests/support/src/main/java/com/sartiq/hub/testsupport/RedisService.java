package com.sartiq.hub.testsupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.net.URI;

/**
 * A Redis server: the configured one ({@code HUB_TEST_REDIS_URL}, default 127.0.0.1:6379) when it
 * answers, else an embedded one on a free port. Deletes only keys under prefixes it handed out.
 */
public final class RedisService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RedisService.class);

    private final String host;
    private final int port;
    private final RedisServer embedded;
    private final java.util.List<String> prefixes = new java.util.ArrayList<>();

    private RedisService(String host, int port, RedisServer embedded) {
        this.host = host;
        this.port = port;
        this.embedded = embedded;
    }

    public static RedisService findOrStart() {
        URI uri = URI.create(PostgresService.env("HUB_TEST_REDIS_URL", "redis://127.0.0.1:6379"));
        int port = uri.getPort() < 0 ? 6379 : uri.getPort();
        try (Jedis jedis = new Jedis(uri.getHost(), port, 2000)) {
            jedis.ping();
            LOG.info("Using Redis at {}", uri);
            return new RedisService(uri.getHost(), port, null);
        } catch (Exception e) {
            LOG.info("No Redis answers at {} ({}); starting an embedded one", uri, e.getMessage());
            return embedded();
        }
    }

    public static RedisService embedded() {
        int port = Ports.free();
        try {
            RedisServer server = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                    .setting("save \"\"").setting("appendonly no").build();
            server.start();
            LOG.info("Embedded Redis listening on 127.0.0.1:{}", port);
            return new RedisService("127.0.0.1", port, server);
        } catch (IOException e) {
            throw new IllegalStateException("could not start embedded Redis", e);
        }
    }

    /** A key prefix of one's own; its keys are deleted on close. */
    public synchronized String prefix(String name) {
        prefixes.add(name);
        return name;
    }

    public String url() {
        return "redis://" + host + ":" + port + "/0";
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    @Override
    public synchronized void close() {
        try (Jedis jedis = new Jedis(host, port, 2000)) {
            for (String prefix : prefixes) {
                String cursor = ScanParams.SCAN_POINTER_START;
                do {
                    ScanResult<String> page = jedis.scan(cursor, new ScanParams().match(prefix + "*").count(500));
                    if (!page.getResult().isEmpty()) {
                        jedis.del(page.getResult().toArray(String[]::new));
                    }
                    cursor = page.getCursor();
                } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
            }
        } catch (Exception e) {
            LOG.warn("Could not delete test keys {}: {}", prefixes, e.getMessage());
        }
        if (embedded != null) {
            try {
                embedded.stop();
            } catch (IOException e) {
                LOG.warn("Embedded Redis did not stop cleanly: {}", e.getMessage());
            }
        }
    }
}
