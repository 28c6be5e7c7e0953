package com.sartiq.hub.compute.app;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * The compute API's bearer API keys ({@code Authorization: Bearer <key>}), checked by {@link ApiKeyStore}
 * (bootstrap keys from the environment, named revocable keys from the database; digests only).
 */
public class ApiKeyFilter extends OncePerRequestFilter {

    private final ApiKeyStore keys;

    public ApiKeyFilter(ApiKeyStore keys) {
        this.keys = keys;
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
        String presented = authorization.substring(7).trim();
        if (presented.isEmpty() || presented.length() > 512 || !keys.isValid(presented)) {
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
}
