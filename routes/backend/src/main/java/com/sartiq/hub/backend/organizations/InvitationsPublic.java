package com.sartiq.hub.backend.organizations;

import java.util.List;

public record InvitationsPublic(List<InvitationPublic> data, long count) {
}
