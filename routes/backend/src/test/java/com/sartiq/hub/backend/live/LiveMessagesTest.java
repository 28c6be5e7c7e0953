package com.sartiq.hub.backend.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LiveMessagesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final LiveMessages messages = new LiveMessages(MAPPER);

    @Test
    void authAnswersHaveTheDocumentedShapes() throws Exception {
        JsonNode success = MAPPER.readTree(messages.authSuccess("u1", null));
        assertThat(success.get("type").asText()).isEqualTo("auth_success");
        assertThat(success.get("user_id").asText()).isEqualTo("u1");
        assertThat(success.get("organization_id").isNull()).isTrue();
        assertThat(success.get("context").asText()).isEqualTo("personal");
        assertThat(MAPPER.readTree(messages.authSuccess("u1", "o1")).get("context").asText()).isEqualTo("organization");
        JsonNode error = MAPPER.readTree(messages.authError("Could not validate credentials"));
        assertThat(error.get("type").asText()).isEqualTo("auth_error");
        assertThat(error.get("error").asText()).isEqualTo("Could not validate credentials");
    }

    @Test
    void aChangeTravelsWithItsRecipients() throws Exception {
        String envelope = messages.envelope(List.of("u1", "u2"), messages.generation(LiveMessages.GENERATION_UPDATED, Map.of("id", "g1")));
        JsonNode node = MAPPER.readTree(envelope);
        assertThat(node.get("recipients").toString()).isEqualTo("[\"u1\",\"u2\"]");
        assertThat(node.at("/message/type").asText()).isEqualTo("generation_updated");
        assertThat(node.at("/message/payload/id").asText()).isEqualTo("g1");
    }
}
