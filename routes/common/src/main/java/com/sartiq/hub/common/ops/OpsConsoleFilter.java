package com.sartiq.hub.common.ops;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * HTTP Basic in front of the Hawtio console and Jolokia (JMX over HTTP), which can read and change
 * every route: the same on both hubs, independent of each hub's API authentication (OAuth2 on the
 * backend, API keys on compute). Without a configured password the console is closed to everyone.
 * Credentials are compared as SHA-256 digests in constant time.
 */
public class OpsConsoleFilter extends OncePerRequestFilter {

    static final String REALM = "Basic realm=\"sartiq-ops\", charset=\"UTF-8\"";

    private final byte[] expected;

    public OpsConsoleFilter(String username, String password) {
        this.expected = password == null || password.isEmpty() ? null : sha256(username + ":" + password);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (expected == null) {
            reject(response, HttpServletResponse.SC_FORBIDDEN, "The ops console is closed: set hub.ops.password (HUB_OPS_PASSWORD)");
            return;
        }
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            reject(response, HttpServletResponse.SC_UNAUTHORIZED, "Not authenticated");
            return;
        }
        byte[] presented;
        try {
            presented = sha256(new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            reject(response, HttpServletResponse.SC_UNAUTHORIZED, "Could not validate credentials");
            return;
        }
        if (!MessageDigest.isEqual(expected, presented)) {
            reject(response, HttpServletResponse.SC_UNAUTHORIZED, "Could not validate credentials");
            return;
        }
        chain.doFilter(request, response);
    }

    private static void reject(HttpServletResponse response, int status, String detail) throws IOException {
        response.setStatus(status);
        if (status == HttpServletResponse.SC_UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", REALM);
        }
        response.setContentType("application/json");
        response.getWriter().write("{\"detail\":\"" + detail + "\"}");
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
