package com.sartiq.hub.compute.tasks;

import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Wakes a queue's idle workers in every instance: publishes the queue's name on {@link TaskRoutes#WAKE_CHANNEL}
 * (after the key prefix), for a task just queued (API, workflow engine) or capacity just freed (a fal slot).
 * Best effort: without Redis the workers find the work when they next poll.
 */
@Component
public class QueueWake {

    private static final Logger LOG = LoggerFactory.getLogger(QueueWake.class);

    private final StringRedisTemplate redis;
    private final String channel;

    public QueueWake(StringRedisTemplate redis, @Value("${hub.redis.key-prefix:}") String keyPrefix) {
        this.redis = redis;
        this.channel = keyPrefix + TaskRoutes.WAKE_CHANNEL;
    }

    public void wake(@ExchangeProperty("queue") String queue) {
        try {
            redis.convertAndSend(channel, queue);
        } catch (RuntimeException e) {
            LOG.debug("Waking the {} workers over Redis failed (they poll anyway): {}", queue, e.toString());
        }
    }
}
