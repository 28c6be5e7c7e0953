package com.sartiq.hub.backend.catalog;

/** The documented {@code Message {message}} answer of deletes. */
public record Message(String message) {
}
