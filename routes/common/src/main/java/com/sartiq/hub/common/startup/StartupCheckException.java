package com.sartiq.hub.common.startup;

/** A configuration the hub cannot run with; the message is the one line ops read, naming the key. */
public class StartupCheckException extends RuntimeException {

    private final String key;

    public StartupCheckException(String key, String message) {
        super(message);
        this.key = key;
    }

    /** The configuration key at fault, e.g. {@code spring.datasource.url}. */
    public String key() {
        return key;
    }
}
