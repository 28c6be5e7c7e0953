package com.sartiq.hub.backend.organizations;

import java.util.List;

public record SubscriptionsPublic(List<SubscriptionPublic> data, long count) {
}
