package com.sartiq.hub.compute.workers;

import java.util.Set;

/**
 * A limit shared by every instance on how many tasks of some queues may be worked at once (a provider's
 * in-flight limit). The claimer of such a queue takes no more tasks than it admits, so tasks beyond the limit
 * wait in the queue, in order, instead of in workers that poll for a slot. Whoever frees capacity wakes the
 * queues' claimers ({@code TaskRoutes.WAKE_CHANNEL}).
 */
public interface QueueAdmission {

    /** The queues this limit applies to. */
    Set<String> queues();

    /**
     * How many of {@code wanted} tasks may be claimed now, {@code working} being this process's tasks of the
     * queue that are between claim and holding their share of the limit.
     */
    int admit(int wanted, int working);
}
