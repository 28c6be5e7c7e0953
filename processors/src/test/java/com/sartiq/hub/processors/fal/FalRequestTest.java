package com.sartiq.hub.processors.fal;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FalRequestTest {

    @Test
    void documentedUrlsDropTheModelsSubPathAsFalsClientsDo() {
        FalRequest request = FalRequest.documented("https://queue.fal.run/", "fal-ai/flux/dev", "r1");
        assertEquals("https://queue.fal.run/fal-ai/flux/requests/r1/status", request.statusUrl());
        assertEquals("https://queue.fal.run/fal-ai/flux/requests/r1", request.responseUrl());
        assertEquals("https://queue.fal.run/fal-ai/flux/requests/r1/cancel", request.cancelUrl());
        assertEquals("http://sim/fal-ai/flux-lora/requests/r2/status", FalRequest.documented("http://sim", "fal-ai/flux-lora", "r2").statusUrl());
        assertEquals("https://queue.fal.run/workflows/acme/shot/requests/r3",
                FalRequest.documented("https://queue.fal.run", "workflows/acme/shot/extra", "r3").responseUrl(), "namespaces are kept");
    }
}
