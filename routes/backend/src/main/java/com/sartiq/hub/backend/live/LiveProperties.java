package com.sartiq.hub.backend.live;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Live updates over WebSocket ({@code hub.live.*}).
 *
 * @param authTimeoutSeconds a socket that has not authenticated by then is closed
 * @param resyncLimit        generations a {@code resync} answers at most (oldest change first)
 * @param sendTimeoutMs      a client that does not take a message within this time is dropped
 * @param sendBufferBytes    messages queued for a slow client before it is dropped
 * @param allowedOrigins     origins allowed to open a socket (comma-separated, {@code *} for any)
 */
@ConfigurationProperties("hub.live")
public record LiveProperties(Integer authTimeoutSeconds, Integer resyncLimit, Integer sendTimeoutMs, Integer sendBufferBytes,
                             String allowedOrigins) {

    public LiveProperties {
        authTimeoutSeconds = authTimeoutSeconds == null ? 10 : authTimeoutSeconds;
        resyncLimit = resyncLimit == null ? 500 : resyncLimit;
        sendTimeoutMs = sendTimeoutMs == null ? 10_000 : sendTimeoutMs;
        sendBufferBytes = sendBufferBytes == null ? 1024 * 1024 : sendBufferBytes;
        allowedOrigins = allowedOrigins == null ? "*" : allowedOrigins;
    }
}
