package com.sartiq.hub.backend.shootings;

/** A shooting's phase (spec §2.1); only BRIEF and PRODUCTION are allowed at creation. */
public enum Phase {
    BRIEF, TEST_SHOOTING, PRODUCTS_SELECTION, AGREEMENT, PRODUCTION, CLOSED
}
