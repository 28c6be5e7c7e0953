package com.sartiq.hub.backend.auth;

import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FormBodyTest {

    @Test
    void decodesARawFormBody() {
        assertEquals(Map.of("username", "a@b.com", "password", "p&ss w=rd"),
                FormBody.parse("username=a%40b.com&password=p%26ss+w%3Drd"));
    }

    @Test
    void decodesTheMapPlatformHttpMakesOfAnAlreadyParsedForm() {
        var exchange = new DefaultExchange(new DefaultCamelContext());
        Map<String, Object> parsed = new LinkedHashMap<>();
        parsed.put("username", "admin%40example.com");
        parsed.put("password", "100%25");
        exchange.getMessage().setBody(parsed);
        assertEquals(Map.of("username", "admin@example.com", "password", "100%"), FormBody.of(exchange.getMessage()));
    }

    @Test
    void fallsBackToHeadersWhenTheBodyIsGone() {
        var exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setBody("");
        exchange.getMessage().setHeader("username", "a@b.com");
        exchange.getMessage().setHeader("password", "secret");
        assertEquals(Map.of("username", "a@b.com", "password", "secret"), FormBody.of(exchange.getMessage()));
    }
}
