package com.sartiq.hub.compute.app;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The compute API's bearer API keys ({@code Authorization: Bearer <key>}). Keys are kept only as
 * SHA-256 digests and compared in constant time.
 */
public class ApiKeyFilter extends OncePerRequestFilter {

    private final List<byte[]> keyDigests;

    public ApiKeyFilter(List<String> keys) {
        this.keyDigests = keys.stream().map(String::trim).filter(k -> !k.isEmpty()).map(ApiKeyFilter::sha256).toList();
        if (keyDigests.isEmpty()) {
            throw new IllegalStateException("hub.compute.api-keys (HUB_COMPUTE_API_KEY) must name at least one API key");
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        // provider webhooks authenticate with the provider's own signature (checked by their route), not an API key
        return !path.startsWith("/api/") || path.equals("/api/v1/openapi.json") || path.startsWith("/api/v1/webhooks/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            reject(response, "Not authenticated");
            return;
        }
        byte[] presented = sha256(authorization.substring(7).trim());
        boolean known = false;
        for (byte[] digest : keyDigests) {
            known |= MessageDigest.isEqual(digest, presented);
        }
        if (!known) {
            reject(response, "Invalid API key");
            return;
        }
        chain.doFilter(request, response);
    }

    private static void reject(HttpServletResponse response, String detail) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Bearer");
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
