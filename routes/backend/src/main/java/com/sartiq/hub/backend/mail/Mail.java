package com.sartiq.hub.backend.mail;

/** One plain-text e-mail for {@code direct:mail.send}. */
public record Mail(String to, String subject, String text) {
}
