package com.sartiq.hub.backend.users;

/** The documented {@code Message {message}}. */
public record Message(String message) {
}
