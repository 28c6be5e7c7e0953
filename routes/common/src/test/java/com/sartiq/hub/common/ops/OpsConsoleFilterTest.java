package com.sartiq.hub.common.ops;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpsConsoleFilterTest {

    @Test
    void onlyTheOpsCredentialsReachTheConsole() throws Exception {
        OpsConsoleFilter filter = new OpsConsoleFilter("ops", "s3cret");
        assertEquals(401, call(filter, null).getStatus());
        assertTrue(call(filter, null).getHeader("WWW-Authenticate").startsWith("Basic"));
        assertEquals(401, call(filter, "Basic " + basic("ops:wrong")).getStatus());
        assertEquals(401, call(filter, "Basic " + basic("admin:s3cret")).getStatus());
        assertEquals(401, call(filter, "Basic not-base64!").getStatus());
        assertEquals(401, call(filter, "Bearer s3cret").getStatus());
        MockHttpServletResponse ok = call(filter, "Basic " + basic("ops:s3cret"));
        assertEquals(200, ok.getStatus());
        assertNotNull(ok.getHeader("X-Passed"));
    }

    @Test
    void withoutAPasswordTheConsoleIsClosedToEveryone() throws Exception {
        MockHttpServletResponse response = call(new OpsConsoleFilter("ops", ""), "Basic " + basic("ops:"));
        assertEquals(403, response.getStatus());
        assertTrue(response.getContentAsString().contains("HUB_OPS_PASSWORD"));
        assertNull(response.getHeader("X-Passed"));
    }

    private static MockHttpServletResponse call(OpsConsoleFilter filter, String authorization) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator/hawtio/");
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain() {
            @Override
            public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
                ((MockHttpServletResponse) res).setHeader("X-Passed", "yes");
            }
        });
        return response;
    }

    private static String basic(String credentials) {
        return Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}
