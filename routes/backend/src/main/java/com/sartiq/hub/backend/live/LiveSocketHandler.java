package com.sartiq.hub.backend.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sartiq.hub.backend.tenancy.Scope;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The live socket ({@value LiveConfiguration#PATH}). A client authenticates with its bearer token, either
 * in the query ({@code ?token=...&organization_id=...}) or as its first message
 * ({@code {"type":"auth","token":"...","organization_id":"..."}}), and is answered {@code auth_success} or
 * {@code auth_error} (then closed). Authenticated, it receives every change of the generations of its
 * organizations and its personal ones, and may send {@code {"type":"resync","since":"<ISO timestamp>"}} to
 * get the current state of each generation of its scope changed since then, or {@code {"type":"ping"}}.
 * Frames are handed to Camel routes: {@code live.authenticate}, {@code live.resync}.
 */
public class LiveSocketHandler extends TextWebSocketHandler implements DisposableBean {

    private final LiveSessions sessions;
    private final LiveMessages messages;
    private final ProducerTemplate camel;
    // closes sockets that never authenticate; a plain executor, not a Spring TaskExecutor bean (platform-http would take that)
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "live-auth-timeout");
        thread.setDaemon(true);
        return thread;
    });
    private final LiveProperties live;
    private final ObjectMapper mapper;
    private final Map<String, WebSocketSession> connected = new ConcurrentHashMap<>();

    public LiveSocketHandler(LiveSessions sessions, LiveMessages messages, ProducerTemplate camel, LiveProperties live, ObjectMapper mapper) {
        this.sessions = sessions;
        this.messages = messages;
        this.camel = camel;
        this.live = live;
        this.mapper = mapper;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession raw) {
        WebSocketSession session = new ConcurrentWebSocketSessionDecorator(raw, live.sendTimeoutMs(), live.sendBufferBytes());
        connected.put(raw.getId(), session);
        var query = raw.getUri() == null ? null : UriComponentsBuilder.fromUri(raw.getUri()).build().getQueryParams();
        String token = query == null ? null : query.getFirst("token");
        if (token != null) {
            authenticate(session, token, query.getFirst("organization_id"));
        } else {
            scheduler.schedule(() -> {
                if (session.isOpen() && sessions.get(session) == null) {
                    refuse(session, "Authentication timeout");
                }
            }, live.authTimeoutSeconds(), TimeUnit.SECONDS);
        }
    }

    @Override
    protected void handleTextMessage(WebSocketSession raw, TextMessage frame) {
        WebSocketSession session = connected.getOrDefault(raw.getId(), raw);
        JsonNode message;
        try {
            message = mapper.readTree(frame.getPayload());
        } catch (IOException e) {
            sessions.send(session, messages.error("Message is not JSON"));
            return;
        }
        String type = message.path("type").asText("");
        LiveSessions.Client client = sessions.get(session);
        if (client == null) {
            if ("auth".equals(type)) {
                authenticate(session, message.path("token").asText(null), message.path("organization_id").asText(null));
            } else {
                refuse(session, "Not authenticated");
            }
            return;
        }
        switch (type) {
            case "resync" -> resync(client, message.path("since").asText(null));
            case "ping" -> sessions.send(session, messages.pong());
            case "auth" -> sessions.send(session, messages.authSuccess(client.userId(), client.scope().organizationId()));
            default -> sessions.send(session, messages.error("Unknown message type: " + type));
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession raw, CloseStatus status) {
        WebSocketSession session = connected.remove(raw.getId());
        sessions.remove(session == null ? raw : session);
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
    }

    private void authenticate(WebSocketSession session, String token, String organizationId) {
        Exchange result = camel.send("direct:live.authenticate", e -> {
            e.getMessage().setHeader("token", token);
            e.getMessage().setHeader("organization_id", organizationId);
        });
        if (result.getException() != null) {
            refuse(session, result.getException().getMessage());
            return;
        }
        Scope scope = result.getMessage().getBody(Scope.class);
        sessions.add(new LiveSessions.Client(session, scope));
        sessions.send(session, messages.authSuccess(scope.userId(), scope.organizationId()));
    }

    @SuppressWarnings("unchecked")
    private void resync(LiveSessions.Client client, String since) {
        Exchange result = camel.send("direct:live.resync", e -> {
            e.setProperty(Scope.PROPERTY, client.scope());
            e.getMessage().setHeader("since", since);
        });
        if (result.getException() != null) {
            sessions.send(client.session(), messages.error(result.getException().getMessage()));
            return;
        }
        List<String> changed = result.getMessage().getBody(List.class);
        for (String message : changed) {
            if (!sessions.send(client.session(), message)) {
                return;
            }
        }
        sessions.send(client.session(), messages.resyncComplete(since, changed.size()));
    }

    private void refuse(WebSocketSession session, String error) {
        sessions.send(session, messages.authError(error));
        try {
            session.close(CloseStatus.POLICY_VIOLATION.withReason(error.length() > 100 ? error.substring(0, 100) : error));
        } catch (IOException ignored) {
            // already gone
        }
    }
}
