package com.sartiq.hub.backend.users;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sartiq.hub.backend.cache.UserCache;
import com.sartiq.hub.backend.mail.MailProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
public class UsersConfiguration {

    @Bean
    public Users users(PasswordEncoder passwords, UserCache cache, ObjectMapper mapper, MailProperties mail,
                       @Value("${hub.security.reset-token-expire-minutes:60}") int resetTokenExpireMinutes) {
        return new Users(passwords, cache, mapper, mail, resetTokenExpireMinutes);
    }
}
