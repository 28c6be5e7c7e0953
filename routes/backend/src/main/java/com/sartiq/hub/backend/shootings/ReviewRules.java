package com.sartiq.hub.backend.shootings;

import com.sartiq.hub.common.rest.ApiException;

/**
 * The review states of a shot's current revision (spec delivery flow): PENDING (no image yet) → IN_REVIEW
 * (an image was added) → APPROVED, or REJECTED, which opens the next revision (PENDING). An approved revision
 * takes no more images; rejecting it reopens the shot. Each method answers the state the change expects (the
 * SQL applies it only if the revision is still in it) or throws 409.
 */
public final class ReviewRules {

    public enum Status { PENDING, IN_REVIEW, APPROVED, REJECTED }

    private ReviewRules() {
    }

    public static Status approve(Status current, int images) {
        if (current == Status.APPROVED) {
            throw new ApiException(409, "The shot is already approved");
        }
        if (images == 0) {
            throw new ApiException(409, "Nothing to approve: the current revision has no images");
        }
        return current;
    }

    public static Status reject(Status current) {
        if (current == Status.PENDING) {
            throw new ApiException(409, "Nothing to reject: the current revision has no images yet");
        }
        return current;
    }

    /** A status set by PATCH: only between PENDING and IN_REVIEW (approve and reject have their own verbs). */
    public static Status move(Status current, Status requested) {
        if (requested == null || requested == current) {
            return current;
        }
        if (requested == Status.APPROVED || requested == Status.REJECTED || current == Status.APPROVED) {
            throw new ApiException(409, "Review decisions go through POST /shots/{id}/approve and /reject");
        }
        return requested;
    }

    public static void requireOpen(Status current) {
        if (current == Status.APPROVED) {
            throw new ApiException(409, "The shot's current revision is approved: reject it to add images");
        }
    }
}
