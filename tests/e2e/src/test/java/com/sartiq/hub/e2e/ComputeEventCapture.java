package com.sartiq.hub.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.sartiq.hub.common.security.WebhookSignature;
import com.sartiq.hub.localstack.LocalStack;
import com.sun.net.httpserver.HttpServer;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Compute's events as the backend receives them: POSTed to {@link #hookUrl()} (a webhook whose signature does not
 * verify with the shared secret is also listed in {@link #badSignatures}) and published on compute's Redis channel,
 * from the moment it is started until it is closed.
 */
final class ComputeEventCapture implements AutoCloseable {

    final List<JsonNode> webhooks = new CopyOnWriteArrayList<>();
    final List<String> badSignatures = new CopyOnWriteArrayList<>();
    final List<JsonNode> published = new CopyOnWriteArrayList<>();

    private final HttpServer receiver;
    private final JedisPubSub listener;
    private final Thread subscriber;

    private ComputeEventCapture(LocalStack hubs) throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (!WebhookSignature.verify(hubs.stack().secrets().webhookSecret(), exchange.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP_HEADER),
                    exchange.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE_HEADER), body, System.currentTimeMillis() / 1000, 300)) {
                badSignatures.add(body);
            }
            webhooks.add(Http.JSON.readTree(body));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        CountDownLatch subscribed = new CountDownLatch(1);
        listener = new JedisPubSub() {
            @Override
            public void onMessage(String channel, String message) {
                try {
                    published.add(Http.JSON.readTree(message));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public void onSubscribe(String channel, int count) {
                subscribed.countDown();
            }
        };
        subscriber = new Thread(() -> {
            try (Jedis jedis = new Jedis(hubs.stack().redis().host(), hubs.stack().redis().port())) {
                jedis.subscribe(listener, hubs.stack().computeEventsChannel());
            }
        });
        subscriber.setDaemon(true);
        subscriber.start();
        if (!subscribed.await(10, TimeUnit.SECONDS)) {
            close();
            throw new IllegalStateException("not subscribed to compute's events channel within 10 s");
        }
    }

    static ComputeEventCapture start(LocalStack hubs) throws Exception {
        return new ComputeEventCapture(hubs);
    }

    String hookUrl() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    @Override
    public void close() throws InterruptedException {
        if (listener.isSubscribed()) {
            listener.unsubscribe();
        }
        subscriber.join(5000);
        receiver.stop(0);
    }
}
