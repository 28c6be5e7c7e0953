package com.sartiq.hub.backend.auth;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import com.sartiq.hub.backend.cache.UserCache;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
public class AuthConfiguration {

    @Bean
    public Tokens tokens(SecurityProperties security) {
        return new Tokens(security);
    }

    /**
     * Spring Security's resource server checks bearer tokens in front of the routes with the same key,
     * and refuses revoked ones (password changed, user deactivated or deleted).
     */
    @Bean
    public JwtDecoder jwtDecoder(Tokens tokens, JdbcClient jdbc, UserCache cache) {
        return tokens.decoder(new TokenVersionValidator(jdbc, cache));
    }

    @Bean
    public PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    public Logins logins(Tokens tokens, PasswordEncoder passwords) {
        return new Logins(tokens, passwords);
    }
}
