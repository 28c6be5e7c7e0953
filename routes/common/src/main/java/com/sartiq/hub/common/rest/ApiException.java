package com.sartiq.hub.common.rest;

/**
 * A failure that the API reports to its caller as {@code {"detail": "..."}} with the given status.
 * Thrown from routes and beans; {@link RestErrorHandling} turns it into the response.
 */
public class ApiException extends RuntimeException {

    private final int status;

    public ApiException(int status, String detail) {
        super(detail);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, what + " not found");
    }

    public static ApiException unauthorized(String detail) {
        return new ApiException(401, detail);
    }

    public static ApiException serviceUnavailable(String detail) {
        return new ApiException(503, detail);
    }
}
