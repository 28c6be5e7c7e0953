package com.sartiq.hub.backend.mail;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * {@code direct:mail.send}: sends the {@link Mail} in the body over SMTP (camel-mail). Failures are
 * the caller's to handle: recovery and invitation mails log them, the test e-mail reports them.
 */
@Component
@EnableConfigurationProperties(MailProperties.class)
public class MailRoutes extends RouteBuilder {

    private final MailProperties mail;

    public MailRoutes(MailProperties mail) {
        this.mail = mail;
    }

    @Override
    public void configure() {
        from("direct:mail.send").routeId("mail.send").errorHandler(noErrorHandler())
            .setProperty("mail", body())
            .removeHeaders("*")
            .setHeader("To", simple("${exchangeProperty.mail.to}"))
            .setHeader("Subject", simple("${exchangeProperty.mail.subject}"))
            .setHeader("From", constant('"' + mail.fromName() + "\" <" + mail.from() + ">"))
            .setHeader("Content-Type", constant("text/plain; charset=UTF-8"))
            .setBody(simple("${exchangeProperty.mail.text}"))
            .choice()
                .when(e -> mail.enabled())
                    .to(mail.enabled() ? mail.endpointUri() : "log:mail")
                    .log("Mail '${exchangeProperty.mail.subject}' sent to ${exchangeProperty.mail.to}")
                .otherwise()
                    .log("Mail sending is off (hub.mail.host empty): '${exchangeProperty.mail.subject}' to ${exchangeProperty.mail.to} not sent")
            .end();
    }
}
