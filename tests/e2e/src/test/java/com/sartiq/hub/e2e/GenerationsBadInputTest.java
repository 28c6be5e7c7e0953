package com.sartiq.hub.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.sartiq.hub.localstack.LocalStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Bad input to the generation endpoints: FastAPI's 422 with one entry per bad field, and nothing written. */
class GenerationsBadInputTest {

    private static LocalStack hubs;
    private static Tenants.User user;

    @BeforeAll
    static void start() {
        hubs = Hubs.get();
        user = Tenants.user(hubs, false);
    }

    @Test
    void aGenerationWithBadFieldsNamesEachOfThem() {
        JsonNode detail = refused("/generations/", "{\"width\":100,\"batch_size\":0,\"seed\":-1,\"subject_id\":\"nope\",\"style_lora_weight\":1.5,"
                + "\"generation_strategy\":\"GENERATE\",\"product_image\":\"file:///etc/passwd\"}");
        assertEquals(List.of("body.batch_size", "body.product_image", "body.seed", "body.style_lora_weight", "body.subject_id", "body.width"),
                locations(detail));
        for (JsonNode error : detail) {
            assertEquals(3, error.size(), "loc, msg and type: " + error);
        }
        assertEquals("Input should be a valid UUID", find(detail, "body.subject_id").get("msg").asText());
    }

    @Test
    void combinationsAndTypesAreCheckedToo() {
        assertEquals(List.of("body.generation_type"), locations(refused("/generations/", "{\"prompt\":\"p\",\"generation_type\":\"MAGIC\"}")));
        assertEquals(List.of("body.input_image_url"), locations(refused("/generations/", "{\"prompt\":\"p\",\"generation_strategy\":\"REFINE\"}")));
        assertEquals(List.of("body.prompt"), locations(refused("/generations/", "{\"width\":512}")));
        assertEquals(List.of("body.subject_slug"), locations(refused("/generations/", "{\"prompt\":\"p\",\"subject_slug\":\"nobody-" + user.id() + "\"}")));
        assertEquals("json_invalid", refused("/generations/", "{\"prompt\":").at("/0/type").asText());
        assertEquals(0, Http.get(hubs.backendUrl() + "/api/v1/generations/", user.token()).json().get("count").asInt(), "nothing was written");
    }

    @Test
    void listsRefuseBadQueryParameters() {
        Http.Response response = Http.get(hubs.backendUrl() + "/api/v1/generations/?status=done&limit=0&shot_id=x", user.token());
        assertEquals(422, response.status(), response.body());
        assertEquals(List.of("query.limit", "query.status", "query.shot_id"), locations(response.json().get("detail")));
        Http.Response predictions = Http.get(hubs.backendUrl() + "/api/v1/predictions/?generation_id=1&selected=maybe", user.token());
        assertEquals(422, predictions.status());
        assertEquals(List.of("query.generation_id", "query.selected"), locations(predictions.json().get("detail")));
    }

    @Test
    void refinesTrainingsAndPromptsCheckTheirBodies() {
        assertEquals(List.of("body.prediction_id"), locations(refused("/refines/", "{\"scale_factor\":2}")));
        assertEquals(List.of("body.prediction_id", "body.scale_factor"), locations(refused("/refines/", "{\"prediction_id\":\"x\",\"scale_factor\":9}")));
        assertEquals(List.of("body.source_images", "body.trigger_word"), locations(refused("/training/", "{\"source_images\":[]}")));
        assertEquals(List.of("body.instruction"), locations(refused("/prompts/create-editing-prompt", "{\"instruction\":5}")));
        assertEquals(0, Http.get(hubs.backendUrl() + "/api/v1/training/", user.token()).json().get("count").asInt());
    }

    @Test
    void unknownIdsAreNotFound() {
        String unknown = java.util.UUID.randomUUID().toString();
        for (String path : List.of("/generations/" + unknown, "/predictions/" + unknown, "/refines/" + unknown, "/training/" + unknown,
                "/generations/not-an-id")) {
            Http.Response response = Http.get(hubs.backendUrl() + "/api/v1" + path, user.token());
            assertEquals(404, response.status(), path);
        }
        assertEquals("Prediction not found", Http.postJson(hubs.backendUrl() + "/api/v1/refines/", user.token(),
                "{\"prediction_id\":\"" + unknown + "\"}").json().get("detail").asText());
    }

    private static JsonNode refused(String path, String body) {
        Http.Response response = Http.postJson(hubs.backendUrl() + "/api/v1" + path, user.token(), body);
        assertEquals(422, response.status(), path + " " + body + " → " + response.body());
        return response.json().get("detail");
    }

    private static List<String> locations(JsonNode detail) {
        List<String> locations = new ArrayList<>();
        for (JsonNode error : detail) {
            locations.add(error.get("loc").get(0).asText() + "." + error.get("loc").get(1).asText());
        }
        return locations;
    }

    private static JsonNode find(JsonNode detail, String location) {
        for (JsonNode error : detail) {
            if ((error.get("loc").get(0).asText() + "." + error.get("loc").get(1).asText()).equals(location)) {
                return error;
            }
        }
        throw new AssertionError(location + " not in " + detail);
    }
}
