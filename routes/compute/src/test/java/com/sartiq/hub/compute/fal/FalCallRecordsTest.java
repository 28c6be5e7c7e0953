package com.sartiq.hub.compute.fal;

import com.sartiq.hub.compute.providers.ProviderCallException;
import com.sartiq.hub.compute.providers.ProviderCalls;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FalCallRecordsTest {

    private final FalCallRecords records = new FalCallRecords();

    private static Exchange call(String operation, String endpoint) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setProperty("taskId", "00000000-0000-0000-0000-000000000001");
        exchange.setProperty("attempt", 2);
        exchange.setProperty("falModelId", "fal-ai/flux-lora");
        exchange.setProperty(FalCallRecords.OPERATION, operation);
        exchange.setProperty(FalCallRecords.ENDPOINT, endpoint);
        return exchange;
    }

    @Test
    void aSucceededCallRecordsItsStatusAndKeepsTheAnswer() throws Exception {
        Exchange exchange = call("status", "fal-read");
        records.start(exchange);
        exchange.setProperty(ProviderCalls.ATTEMPTS, 2);
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        exchange.getMessage().setBody("{\"status\":\"IN_PROGRESS\"}");
        records.succeeded(exchange);
        var row = records.row(exchange);
        assertEquals("fal", row.get("provider"), "the read instance is the same provider");
        assertEquals("status", row.get("operation"));
        assertEquals("succeeded", row.get("outcome"));
        assertEquals(200, row.get("httpStatus"));
        assertEquals(2, row.get("calls"));
        assertEquals(2, row.get("taskAttempt"));
        assertEquals("fal-ai/flux-lora", row.get("model"));
        assertNull(row.get("error"));
        assertTrue((Long) row.get("durationMs") >= 0);
        exchange.getMessage().setBody(row);
        records.finish(exchange);
        assertEquals("{\"status\":\"IN_PROGRESS\"}", exchange.getMessage().getBody());
    }

    @Test
    void aFailedCallRecordsItsKindAndStatusThenFailsAgain() {
        Exchange exchange = call("submit", "fal");
        records.start(exchange);
        ProviderCallException refused = new ProviderCallException("fal", ProviderCallException.Kind.UNAVAILABLE, 503, 0, "HTTP 503: busy", null);
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, refused);
        records.failed(exchange);
        var row = records.row(exchange);
        assertEquals("unavailable", row.get("outcome"));
        assertEquals(503, row.get("httpStatus"));
        assertEquals("fal: HTTP 503: busy", row.get("error"));
        assertSame(refused, assertThrows(ProviderCallException.class, () -> records.finish(exchange)));
    }

    @Test
    void aLostAnswerHasNoStatus() {
        Exchange exchange = call("run", "fal-sync");
        records.start(exchange);
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT,
                new ProviderCallException("fal-sync", ProviderCallException.Kind.AMBIGUOUS, 0, 0, "answer lost: read timeout", null));
        records.failed(exchange);
        var row = records.row(exchange);
        assertEquals("fal-sync", row.get("provider"));
        assertEquals("ambiguous", row.get("outcome"));
        assertNull(row.get("httpStatus"));
    }
}
