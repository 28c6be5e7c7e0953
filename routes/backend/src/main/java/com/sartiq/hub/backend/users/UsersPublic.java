package com.sartiq.hub.backend.users;

import com.sartiq.hub.backend.auth.UserPublic;

import java.util.List;

/** The documented {@code UsersPublic {data, count}} (OpenAPI schema of the list). */
public record UsersPublic(List<UserPublic> data, long count) {
}
