package com.sartiq.hub.compute.fal;

import com.sartiq.hub.compute.providers.ProviderCallException;
import com.sartiq.hub.compute.providers.ProviderCallException.Kind;
import com.sartiq.hub.compute.tasks.ErrorCategory;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FalSyncVerdictTest {

    private static ProviderCallException call(Kind kind, int status) {
        return new ProviderCallException("fal-sync", kind, status, 0, "HTTP " + status, null);
    }

    @Test
    void aLostAnswerIsNeverRunAgain() {
        var lost = FalSyncRoutes.verdict(call(Kind.AMBIGUOUS, 0));
        assertFalse(lost.retryable());
        assertEquals(ErrorCategory.TIMEOUT, lost.category());
        assertFalse(FalSyncRoutes.verdict(call(Kind.UNAVAILABLE, 504)).retryable(), "a gateway timeout may have run");
    }

    @Test
    void refusedRunsAreTriedAgainAndRejectedInputsFail() {
        assertTrue(FalSyncRoutes.verdict(call(Kind.UNAVAILABLE, 503)).retryable());
        assertTrue(FalSyncRoutes.verdict(call(Kind.RATE_LIMITED, 429)).retryable());
        assertTrue(FalSyncRoutes.verdict(call(Kind.NOT_SENT, 0)).retryable());
        assertTrue(FalSyncRoutes.verdict(call(Kind.NO_SLOT, 0)).retryable());
        var invalid = FalSyncRoutes.verdict(call(Kind.INVALID, 422));
        assertFalse(invalid.retryable());
        assertEquals(ErrorCategory.INVALID_INPUT, invalid.category());
    }
}
