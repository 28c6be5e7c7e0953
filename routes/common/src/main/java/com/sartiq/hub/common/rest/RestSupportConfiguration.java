package com.sartiq.hub.common.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validator;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.filter.UrlHandlerFilter;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** What every hub's REST surface shares: request reading, the error shape and the API docs page. */
@Configuration(proxyBeanMethods = false)
public class RestSupportConfiguration implements WebMvcConfigurer {

    @Bean
    public JsonRequestReader jsonRequestReader(ObjectMapper mapper, Validator validator) {
        return new JsonRequestReader(mapper, validator);
    }

    @Bean
    public JsonResponses jsonResponses(ObjectMapper mapper) {
        return new JsonResponses(mapper);
    }

    @Bean
    public RestErrorHandling restErrorHandling(ObjectMapper mapper) {
        return new RestErrorHandling(mapper);
    }

    /**
     * FastAPI clients call collection paths with a trailing slash ({@code /api/v1/tasks/}); the REST
     * DSL registers them without one, so the slash is dropped before anything else sees the request.
     */
    @Bean
    public FilterRegistrationBean<UrlHandlerFilter> apiTrailingSlashFilter() {
        FilterRegistrationBean<UrlHandlerFilter> registration =
                new FilterRegistrationBean<>(UrlHandlerFilter.trailingSlashHandler("/api/**").wrapRequest().build());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Swagger UI reads the OpenAPI document the REST DSL generates at {@code /api/v1/openapi.json}. */
    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/docs", "/docs/index.html");
    }
}
