package com.sartiq.hub.backend.auth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.apache.camel.Message;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads an {@code application/x-www-form-urlencoded} body (the OAuth2 password form). */
public final class FormBody {

    private FormBody() {
    }

    /**
     * The form fields of a request as platform-http hands it over: the raw body, or, when the servlet
     * container parsed the form already, a map of the still URL-encoded values, or the fields as headers.
     */
    public static Map<String, String> of(Message message) {
        Object body = message.getBody();
        Map<String, String> fields = new HashMap<>();
        if (body instanceof Map<?, ?> map) {
            map.forEach((k, v) -> fields.put(decode(String.valueOf(k)),
                    decode(v instanceof List<?> list && !list.isEmpty() ? String.valueOf(list.get(0)) : String.valueOf(v))));
        } else {
            fields.putAll(parse(message.getBody(String.class)));
        }
        if (fields.isEmpty()) {
            for (String name : List.of("username", "password", "grant_type", "scope", "client_id", "client_secret")) {
                String value = message.getHeader(name, String.class);
                if (value != null) {
                    fields.put(name, value);
                }
            }
        }
        return fields;
    }

    public static Map<String, String> parse(String body) {
        Map<String, String> fields = new HashMap<>();
        if (body == null || body.isBlank()) {
            return fields;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            fields.putIfAbsent(name, value);
        }
        return fields;
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
