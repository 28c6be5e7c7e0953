package com.sartiq.hub.processors.matting;

/** A matting model could not be loaded (missing file, not ONNX) or failed to run. */
public class MattingModelException extends RuntimeException {

    public MattingModelException(String message) {
        super(message);
    }

    public MattingModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
