package com.sartiq.hub.backend.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Outgoing e-mail over SMTP ({@code hub.mail.*}).
 *
 * @param host         SMTP server; empty turns sending off (mails are logged without their tokens, not sent)
 * @param port         SMTP port
 * @param username     SMTP login, empty for none
 * @param password     SMTP password
 * @param starttls     require STARTTLS (port 587 style)
 * @param ssl          implicit TLS (port 465 style, {@code smtps})
 * @param from         sender address
 * @param fromName     sender display name
 * @param timeoutMs    connect and read limit of one SMTP conversation
 * @param frontendUrl  the web app's base URL: links in mails point there
 */
@ConfigurationProperties("hub.mail")
public record MailProperties(String host, Integer port, String username, String password, Boolean starttls, Boolean ssl,
                             String from, String fromName, Integer timeoutMs, String frontendUrl) {

    public MailProperties {
        port = port == null ? 25 : port;
        starttls = starttls != null && starttls;
        ssl = ssl != null && ssl;
        from = from == null || from.isBlank() ? "noreply@sartiq.local" : from;
        fromName = fromName == null || fromName.isBlank() ? "Sartiq" : fromName;
        timeoutMs = timeoutMs == null ? 10_000 : timeoutMs;
        frontendUrl = frontendUrl == null || frontendUrl.isBlank() ? "http://localhost:3000" : frontendUrl.replaceAll("/+$", "");
    }

    public boolean enabled() {
        return host != null && !host.isBlank();
    }

    /** The camel-mail endpoint; credentials only when set (an empty login would still switch SMTP AUTH on). */
    public String endpointUri() {
        StringBuilder uri = new StringBuilder(ssl ? "smtps://" : "smtp://").append(host).append(':').append(port)
                .append("?connectionTimeout=").append(timeoutMs)
                .append("&mail.smtp.timeout=").append(timeoutMs)
                .append("&mail.smtp.writetimeout=").append(timeoutMs);
        if (starttls) {
            uri.append("&mail.smtp.starttls.enable=true&mail.smtp.starttls.required=true");
        }
        if (username != null && !username.isBlank()) {
            uri.append("&username=RAW(").append(username).append(")&password=RAW(").append(password == null ? "" : password).append(')');
        }
        return uri.toString();
    }
}
