package com.sartiq.hub.backend.organizations;

import java.util.List;

public record MembersPublic(List<MemberPublic> data, long count) {
}
