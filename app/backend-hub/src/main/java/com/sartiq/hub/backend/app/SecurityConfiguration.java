package com.sartiq.hub.backend.app;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Bearer JWTs (OAuth2 resource server) on everything under {@code /api/v1} except login, the
 * compute webhook (checked by its HMAC signature), the live socket (it checks the token itself), health
 * and the API descriptions. Failures answer
 * in FastAPI's shape.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    public SecurityFilterChain api(HttpSecurity http) throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, failure) -> {
            boolean presented = request.getHeader("Authorization") != null;
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Bearer");
            response.setContentType("application/json");
            response.getWriter().write(presented ? "{\"detail\":\"Could not validate credentials\"}" : "{\"detail\":\"Not authenticated\"}");
        };
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/v1/login/access-token", "/api/v1/tasks/webhook").permitAll()
                        // the documented public list of generation models (catalog)
                        .requestMatchers(HttpMethod.GET, "/api/v1/generation-models", "/api/v1/generation-models/").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/password-recovery/*", "/api/v1/reset-password").permitAll()
                        .requestMatchers("/api/v1/utils/test-email").authenticated()
                        .requestMatchers("/files/**").permitAll()
                        // the live socket authenticates itself (token in the query or as its first message); its schema is public
                        .requestMatchers("/api/v1/ws").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/schema").permitAll()
                        .requestMatchers("/api/v1/openapi.json", "/api/v1/utils/**", "/docs", "/docs/**", "/webjars/**",
                                "/actuator/**", "/error").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(oauth -> oauth.jwt(jwt -> { }).authenticationEntryPoint(unauthorized))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized))
                .build();
    }
}
