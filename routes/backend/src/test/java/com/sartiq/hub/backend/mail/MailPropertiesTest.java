package com.sartiq.hub.backend.mail;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MailPropertiesTest {

    @Test
    void anEmptyLoginLeavesSmtpAuthOffAndTimeoutsAreAlwaysSet() {
        MailProperties local = new MailProperties("127.0.0.1", 2525, "", null, false, false, null, null, null, null);
        assertEquals("smtp://127.0.0.1:2525?connectionTimeout=10000&mail.smtp.timeout=10000&mail.smtp.writetimeout=10000", local.endpointUri());
        assertTrue(local.enabled());
    }

    @Test
    void productionSettingsUseStartTlsAndRawCredentials() {
        MailProperties smtp = new MailProperties("smtp.example.com", 587, "user", "p&ss+word", true, false, "a@b.c", "Sartiq", 5000, "https://app/");
        String uri = smtp.endpointUri();
        assertTrue(uri.contains("mail.smtp.starttls.required=true"), uri);
        assertTrue(uri.endsWith("&username=RAW(user)&password=RAW(p&ss+word)"), uri);
        assertEquals("https://app", smtp.frontendUrl());
        assertFalse(new MailProperties(" ", null, null, null, null, null, null, null, null, null).enabled());
    }
}
