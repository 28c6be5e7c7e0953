package com.sartiq.hub.common.http;

import com.sun.net.httpserver.HttpServer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The component never re-sends a POST by itself, whatever the answer says. */
class FixedHttpComponentTest {

    @Test
    void aPostAnswered429WithRetryAfterIsSentOnce() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            calls.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Retry-After", "1");
            exchange.sendResponseHeaders(429, -1);
            exchange.close();
        });
        server.start();
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.addComponent("http-test", new FixedHttpComponent(1000, 3000, 10));
            camel.start();
            ProducerTemplate producer = camel.createProducerTemplate();
            Exchange answer = producer.request("http-test://provider?throwExceptionOnFailure=false", e -> {
                e.getMessage().setHeader(Exchange.HTTP_URI, "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/x");
                e.getMessage().setHeader(Exchange.HTTP_METHOD, "POST");
                e.getMessage().setBody("{}");
            });
            assertEquals(429, answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class));
            assertEquals(1, calls.get(), "sent once");
        } finally {
            server.stop(0);
        }
    }
}
