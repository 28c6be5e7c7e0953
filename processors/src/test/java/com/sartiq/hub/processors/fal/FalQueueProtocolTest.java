package com.sartiq.hub.processors.fal;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FalQueueProtocolTest {

    @Test
    void generationInputCarriesExplicitSizeSeedAndOneImage() throws Exception {
        var input = new ObjectMapper().readTree(FalQueueProtocol.generationInput("a red dress", null, 768, 1024, 42));
        assertEquals("a red dress", input.get("prompt").asText());
        assertEquals(768, input.at("/image_size/width").asInt());
        assertEquals(1024, input.at("/image_size/height").asInt());
        assertEquals(42, input.get("seed").asLong());
        assertEquals(1, input.get("num_images").asInt());
        assertFalse(input.has("negative_prompt"));
    }

    @Test
    void readsTheUrlsFalReturnsOnSubmit() throws Exception {
        FalRequest request = FalQueueProtocol.submitted("""
                {"request_id":"r1","status_url":"http://q/fal-ai/flux/requests/r1/status",
                 "response_url":"http://q/fal-ai/flux/requests/r1","cancel_url":"http://q/fal-ai/flux/requests/r1/cancel","queue_position":0}""");
        assertEquals("r1", request.requestId());
        assertEquals("http://q/fal-ai/flux/requests/r1/status", request.statusUrl());
        assertEquals(request, FalQueueProtocol.fromJson(FalQueueProtocol.toJson(request)));
    }

    @Test
    void refusesASubmitAnswerWithoutRequestId() {
        assertThrows(IOException.class, () -> FalQueueProtocol.submitted("{\"detail\":\"nope\"}"));
    }

    @Test
    void aCompletedStatusWithAnErrorIsAFailure() throws Exception {
        FalStatus ok = FalQueueProtocol.status("{\"status\":\"COMPLETED\"}");
        FalStatus failed = FalQueueProtocol.status("{\"status\":\"COMPLETED\",\"error\":\"runner died\",\"error_type\":\"runner_disconnected\"}");
        FalStatus queued = FalQueueProtocol.status("{\"status\":\"IN_QUEUE\",\"queue_position\":3}");
        assertTrue(ok.completed());
        assertFalse(ok.failed());
        assertTrue(failed.failed());
        assertEquals("runner_disconnected", failed.errorType());
        assertEquals(3, queued.queuePosition());
        assertNull(ok.queuePosition());
        assertTrue(queued.progress() < FalQueueProtocol.status("{\"status\":\"IN_PROGRESS\"}").progress());
    }

    @Test
    void readsResultImagesAndRejectsAnEmptyResult() throws Exception {
        var images = FalQueueProtocol.images("{\"images\":[{\"url\":\"http://x/0.png\",\"width\":512,\"height\":768,\"content_type\":\"image/png\"}]}");
        assertEquals(1, images.size());
        assertEquals(new FalImage("http://x/0.png", 512, 768, "image/png"), images.get(0));
        assertThrows(IOException.class, () -> FalQueueProtocol.images("{\"images\":[]}"));
    }
}
