package com.sartiq.hub.common.ops;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts {@link OpsConsoleFilter} in front of {@code /actuator/hawtio} and {@code /actuator/jolokia}
 * (Hawtio's own login is off: this filter is the authentication). It runs before any Spring
 * Security chain, so each hub's API security stays as it is.
 */
@Configuration(proxyBeanMethods = false)
public class OpsConsoleConfiguration {

    @Bean
    public FilterRegistrationBean<OpsConsoleFilter> opsConsoleFilter(@Value("${hub.ops.username:ops}") String username,
                                                                      @Value("${hub.ops.password:}") String password) {
        FilterRegistrationBean<OpsConsoleFilter> registration = new FilterRegistrationBean<>(new OpsConsoleFilter(username, password));
        registration.addUrlPatterns("/actuator/hawtio", "/actuator/hawtio/*", "/actuator/jolokia", "/actuator/jolokia/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
