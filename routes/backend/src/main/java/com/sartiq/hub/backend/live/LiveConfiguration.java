package com.sartiq.hub.backend.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sartiq.hub.common.redis.PooledListenerContainer;
import org.apache.camel.ProducerTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/**
 * The live socket on the backend's own port (Spring's WebSocket support on the servlet container), and the
 * subscription to our Redis that brings every instance's changes to this instance's sockets.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
@EnableConfigurationProperties(LiveProperties.class)
public class LiveConfiguration {

    /** Where clients connect (open in the security configuration: the socket authenticates itself). */
    public static final String PATH = "/api/v1/ws";

    @Bean
    public LiveSessions liveSessions(ObjectMapper mapper) {
        return new LiveSessions(mapper);
    }

    @Bean
    public LiveMessages liveMessages(ObjectMapper mapper) {
        return new LiveMessages(mapper);
    }

    @Bean
    public LiveSocketHandler liveSocketHandler(LiveSessions sessions, LiveMessages messages, ProducerTemplate camel, LiveProperties live,
                                              ObjectMapper mapper) {
        return new LiveSocketHandler(sessions, messages, camel, live, mapper);
    }

    @Bean
    public WebSocketConfigurer liveSocket(LiveSocketHandler handler, LiveProperties live) {
        return (WebSocketHandlerRegistry registry) -> registry.addHandler(handler, PATH)
                .setAllowedOriginPatterns(live.allowedOrigins().split("\\s*,\\s*"));
    }

    @Bean(destroyMethod = "destroy")
    public RedisMessageListenerContainer liveListener(RedisConnectionFactory connections,
                                                      @Value("${hub.redis.listener-threads:4}") int threads) {
        return new PooledListenerContainer(connections, "liveListener", threads);
    }
}
