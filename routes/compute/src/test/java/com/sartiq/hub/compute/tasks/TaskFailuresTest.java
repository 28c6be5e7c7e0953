package com.sartiq.hub.compute.tasks;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.SocketTimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaskFailuresTest {

    @Test
    void invalidInputFailsAtOnceWhateverAttemptsRemain() {
        var decision = TaskFailures.decide("t1", TaskFailedException.invalidInput("not an image"), 1, 3, 5);
        assertFalse(decision.retry());
        assertEquals(ErrorCategory.INVALID_INPUT, decision.sqlParameters().get("errorCategory"));
        assertEquals("not an image", decision.sqlParameters().get("errorMessage"));
    }

    @Test
    void transientFailuresRetryWhileAttemptsRemainThenFail() {
        var first = TaskFailures.decide("t1", new RuntimeException(new ConnectException("refused")), 1, 3, 5);
        var last = TaskFailures.decide("t1", new RuntimeException(new ConnectException("refused")), 3, 3, 5);
        assertTrue(first.retry());
        assertEquals(ErrorCategory.NETWORK, first.sqlParameters().get("errorCategory"));
        assertFalse(last.retry());
    }

    @Test
    void timeoutsAndUnknownErrorsAreClassified() {
        assertEquals(ErrorCategory.TIMEOUT, TaskFailures.classify(new SocketTimeoutException("read")).category());
        assertEquals(ErrorCategory.INTERNAL, TaskFailures.classify(new IllegalStateException("bug")).category());
    }

    @RepeatedTest(20)
    void backoffGrowsWithTheAttemptAndStaysWithinItsCeiling() {
        int first = Backoff.jitteredSeconds(1, 4);
        int third = Backoff.jitteredSeconds(3, 4);
        assertTrue(first >= 2 && first <= 4, "attempt 1: " + first);
        assertTrue(third >= 8 && third <= 16, "attempt 3: " + third);
        assertTrue(Backoff.jitteredSeconds(30, 4) <= 600);
    }
}
