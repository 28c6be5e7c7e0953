package com.sartiq.hub.compute.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StringTemplatesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void textIsSplicedInAndAWholeTemplateKeepsItsType() throws Exception {
        Ref.Scope scope = Ref.Scope.of(MAPPER.readTree("{\"prompt\":\"a linen dress\",\"size\":512}"),
                Map.of("evaluate_1", MAPPER.readTree("{\"json\":{\"reasons\":[\"too dark\",\"cropped\"],\"score\":4}}")));
        JsonNode config = MAPPER.readTree("{\"prompt\":\"{{ $input.prompt }}. Fix this: {{evaluate_1.json.reasons}} (score {{ evaluate_1.json.score }})\","
                + "\"width\":\"{{ $input.size }}\",\"loras\":[{\"path\":\"{{ $input.prompt }}\",\"scale\":1}],\"seed\":3}");
        JsonNode rendered = StringTemplates.render(config, scope);
        assertEquals("a linen dress. Fix this: [\"too dark\",\"cropped\"] (score 4)", rendered.get("prompt").asText());
        assertTrue(rendered.get("width").isInt(), "a string that is one template takes the value's type");
        assertEquals("a linen dress", rendered.at("/loras/0/path").asText());
        assertEquals(3, rendered.get("seed").asInt());
        assertEquals("{{ $input.prompt }}. Fix this: {{evaluate_1.json.reasons}} (score {{ evaluate_1.json.score }})",
                config.get("prompt").asText(), "the config itself is left as written");
    }

    @Test
    void refsAreListedAndAnUnresolvableOneIsNamed() throws Exception {
        JsonNode config = MAPPER.readTree("{\"a\":\"{{ x.y }} and {{ $input.z }}\",\"b\":[\"{{ $item.url }}\"],\"c\":1}");
        assertEquals(List.of("x.y", "$input.z", "$item.url"), StringTemplates.refs(config));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> StringTemplates.render(config, Ref.Scope.of(MAPPER.createObjectNode(), Map.of())));
        assertTrue(e.getMessage().contains("{{ x.y }}"), e.getMessage());
    }
}
