package com.sartiq.hub.backend.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Collection;
import java.util.List;

/**
 * The WebSocket messages (the {@code WebSocketMessage} union {@code GET /api/v1/schema} describes) and the
 * envelope that carries a generation change between backend instances over Redis:
 * {@code {"recipients": [user ids], "message": GenerationMessage}}.
 */
public final class LiveMessages {

    public static final String AUTH_SUCCESS = "auth_success";
    public static final String AUTH_ERROR = "auth_error";
    public static final String GENERATION_CREATED = "generation_created";
    public static final String GENERATION_UPDATED = "generation_updated";
    public static final String RESYNC_COMPLETE = "resync_complete";
    public static final String ERROR = "error";
    public static final String PONG = "pong";

    private final ObjectMapper mapper;

    public LiveMessages(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** {@code AuthSuccessMessage {type, user_id, organization_id, context}}; context is {@code organization} or {@code personal}. */
    public String authSuccess(String userId, String organizationId) {
        ObjectNode node = mapper.createObjectNode().put("type", AUTH_SUCCESS).put("user_id", userId).put("organization_id", organizationId)
                .put("context", organizationId == null ? "personal" : "organization");
        return node.toString();
    }

    /** {@code AuthErrorMessage {type, error}}. */
    public String authError(String error) {
        return mapper.createObjectNode().put("type", AUTH_ERROR).put("error", error).toString();
    }

    /** {@code GenerationMessage {type, payload: GenerationPublic}}. */
    public ObjectNode generation(String type, Object generation) {
        ObjectNode node = mapper.createObjectNode().put("type", type);
        node.set("payload", mapper.valueToTree(generation));
        return node;
    }

    public String resyncComplete(String since, int count) {
        return mapper.createObjectNode().put("type", RESYNC_COMPLETE).put("since", since).put("count", count).toString();
    }

    public String error(String error) {
        return mapper.createObjectNode().put("type", ERROR).put("error", error).toString();
    }

    public String pong() {
        return mapper.createObjectNode().put("type", PONG).toString();
    }

    public String envelope(Collection<String> recipients, JsonNode message) {
        ObjectNode node = mapper.createObjectNode();
        node.set("recipients", mapper.valueToTree(List.copyOf(recipients)));
        node.set("message", message);
        return node.toString();
    }
}
