package com.sartiq.hub.backend.organizations;

import com.sartiq.hub.backend.mail.MailProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class OrganizationsConfiguration {

    @Bean
    public Organizations organizations(MailProperties mail, @Value("${hub.organizations.invitation-expire-hours:168}") int invitationExpireHours) {
        return new Organizations(mail, invitationExpireHours);
    }
}
