package com.sartiq.hub.backend.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sartiq.hub.backend.tenancy.Scope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

import java.io.IOException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This instance's authenticated sockets, by user. A change published by any instance reaches here from Redis
 * ({@link #deliver}) and is sent to the local sockets of its recipients.
 */
public class LiveSessions {

    private static final Logger LOG = LoggerFactory.getLogger(LiveSessions.class);

    /** One authenticated socket and the scope it authenticated for. */
    public record Client(WebSocketSession session, Scope scope) {

        public String userId() {
            return scope.userId();
        }
    }

    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final ObjectMapper mapper;

    public LiveSessions(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public void add(Client client) {
        clients.put(client.session().getId(), client);
    }

    public Client get(WebSocketSession session) {
        return clients.get(session.getId());
    }

    public void remove(WebSocketSession session) {
        clients.remove(session.getId());
    }

    public int size() {
        return clients.size();
    }

    /** Sends the envelope's message to every local socket of its recipients; answers how many got it. */
    public int deliver(String envelope) throws IOException {
        JsonNode node = mapper.readTree(envelope);
        Set<String> recipients = new HashSet<>();
        node.path("recipients").forEach(r -> recipients.add(r.asText()));
        String message = node.path("message").toString();
        int sent = 0;
        for (Client client : clients.values()) {
            if (recipients.contains(client.userId()) && send(client.session(), message)) {
                sent++;
            }
        }
        return sent;
    }

    /** Sends a text frame; a socket that cannot take it is closed and forgotten. */
    public boolean send(WebSocketSession session, String text) {
        try {
            session.sendMessage(new TextMessage(text));
            return true;
        } catch (Exception e) {
            LOG.info("Dropping live client {}: {}", session.getId(), e.getMessage());
            remove(session);
            try {
                session.close(CloseStatus.SESSION_NOT_RELIABLE);
            } catch (IOException ignored) {
                // already gone
            }
            return false;
        }
    }
}
