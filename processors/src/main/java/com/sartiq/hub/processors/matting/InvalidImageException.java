package com.sartiq.hub.processors.matting;

/** The bytes given for matting are not an image we can decode (unknown format, corrupt, or too large). */
public class InvalidImageException extends RuntimeException {

    public InvalidImageException(String message) {
        super(message);
    }

    public InvalidImageException(String message, Throwable cause) {
        super(message, cause);
    }
}
