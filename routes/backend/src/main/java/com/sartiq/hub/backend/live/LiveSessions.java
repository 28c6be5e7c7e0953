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
import java.time.Instant;
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

    /**
     * One authenticated socket, the scope it authenticated for, and the newest state of each generation sent to it.
     * Snapshots are read and published by whichever thread made the change (a webhook, a Redis event, the
     * submission), so an older one can reach the channel after a newer one: it is not sent, so a client never sees a
     * generation step back (e.g. to "processing" after "completed").
     */
    public record Client(WebSocketSession session, Scope scope, Map<String, Instant> sent) {

        public Client(WebSocketSession session, Scope scope) {
            this(session, scope, new ConcurrentHashMap<>());
        }

        public String userId() {
            return scope.userId();
        }

        /** Records the snapshot's time and answers whether it is not older than the last one sent. */
        boolean takes(String generationId, Instant updatedAt) {
            if (generationId == null || updatedAt == null) {
                return true;
            }
            boolean[] newer = {false};
            sent.compute(generationId, (id, last) -> {
                newer[0] = last == null || !updatedAt.isBefore(last);
                return newer[0] ? updatedAt : last;
            });
            return newer[0];
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
        JsonNode payload = node.path("message").path("payload");
        String generationId = payload.path("id").asText(null);
        Instant updatedAt = payload.hasNonNull("updated_at") ? Instant.parse(payload.get("updated_at").asText()) : null;
        int sent = 0;
        for (Client client : clients.values()) {
            if (recipients.contains(client.userId()) && client.takes(generationId, updatedAt) && send(client.session(), message)) {
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
