package com.sartiq.hub.common.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import jakarta.validation.Validation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonRequestReaderTest {

    record Sample(@NotBlank String imageUrl, @Max(10) Integer batchSize) {
    }

    private final JsonRequestReader reader = new JsonRequestReader(
            new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE),
            Validation.buildDefaultValidatorFactory().getValidator());

    @Test
    void readsAValidBodyIntoTheRecord() {
        Sample sample = reader.read("{\"image_url\":\"http://x/a.png\",\"batch_size\":3,\"unknown\":1}", Sample.class);
        assertEquals(new Sample("http://x/a.png", 3), sample);
    }

    @Test
    void malformedJsonIsA422NamingTheBody() {
        var error = assertThrows(RequestValidationException.class, () -> reader.read("{\"image_url\": ", Sample.class));
        assertEquals("json_invalid", error.errors().get(0).type());
        assertEquals("body", error.errors().get(0).loc().get(0));
    }

    @Test
    void aBodyThatIsNotAnObjectIsRejected() {
        var error = assertThrows(RequestValidationException.class, () -> reader.read("[1,2]", Sample.class));
        assertEquals("model_type", error.errors().get(0).type());
        assertThrows(RequestValidationException.class, () -> reader.read("", Sample.class));
    }

    @Test
    void anOversizedBodyIsRefusedBeforeParsing() {
        String huge = "{\"image_url\":\"" + "x".repeat(JsonRequestReader.MAX_BODY_CHARS) + "\"}";
        var error = assertThrows(ApiException.class, () -> reader.read(huge, Sample.class));
        assertEquals(413, error.status());
    }

    @Test
    void everyBadFieldIsListedInSnakeCase() {
        var error = assertThrows(RequestValidationException.class, () -> reader.read("{\"batch_size\":11}", Sample.class));
        assertEquals(2, error.errors().size());
        assertEquals(List.of("body", "batch_size"), error.errors().get(0).loc());
        assertEquals(List.of("body", "image_url"), error.errors().get(1).loc());
        assertEquals("missing", error.errors().get(1).type());
    }

    @Test
    void aWrongTypeNamesTheFieldAndTheExpectedType() {
        var error = assertThrows(RequestValidationException.class, () -> reader.read("{\"image_url\":\"x\",\"batch_size\":\"many\"}", Sample.class));
        assertEquals(List.of("body", "batch_size"), error.errors().get(0).loc());
        assertEquals("Input should be a valid integer", error.errors().get(0).msg());
    }
}
