package com.sartiq.hub.backend.jobs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobsTest {

    @Test
    void failuresRetryWithDoublingBackOffUntilTheLastAttempt() {
        IOException transient_ = new IOException("storage down");
        assertThat(JobFailures.decide(transient_, 1, 3, 10)).isEqualTo(new JobFailures.Decision(true, 10, "IOException: storage down"));
        assertThat(JobFailures.decide(transient_, 2, 3, 10).delaySeconds()).isEqualTo(20);
        assertThat(JobFailures.decide(transient_, 3, 3, 10).retry()).isFalse();
        assertThat(JobFailures.decide(transient_, 9, 20, 10).delaySeconds()).isEqualTo(600);
    }

    @Test
    void permanentFailuresEndTheJobAtOnce() {
        JobFailures.Decision decision = JobFailures.decide(new JobFailedException("nothing to export"), 1, 5, 10);
        assertThat(decision.retry()).isFalse();
        assertThat(decision.message()).contains("nothing to export");
        assertThat(JobFailures.decide(new RuntimeException("x".repeat(5000)), 1, 3, 1).message()).hasSize(JobFailures.MAX_MESSAGE);
    }

    @Test
    void theCleanUpTakesOnlyOldObjectsUnderTemp() {
        Instant now = Instant.parse("2030-01-02T00:00:00Z");
        List<TempCleanup.StoredObject> listed = List.of(
                new TempCleanup.StoredObject("temp/old.png", now.minusSeconds(90_000)),
                new TempCleanup.StoredObject("temp/new.png", now.minusSeconds(60)),
                new TempCleanup.StoredObject("media/1/file.png", now.minusSeconds(900_000)));
        assertThat(TempCleanup.expired(listed, now, 86_400)).containsExactly("temp/old.png");
        assertThat(TempCleanup.prefix(null)).isEqualTo("temp/");
        assertThat(TempCleanup.prefix("temp/abc")).isEqualTo("temp/abc");
        assertThatThrownBy(() -> TempCleanup.prefix("media/")).isInstanceOf(JobFailedException.class);
        assertThatThrownBy(() -> TempCleanup.prefix("temp/../media")).isInstanceOf(JobFailedException.class);
    }

    @Test
    void rolesDefaultToAllAndRejectUnknownOnes() {
        assertThat(new BackendRoles(null).has("worker")).isTrue();
        BackendRoles scheduler = new BackendRoles(List.of(" Scheduler "));
        assertThat(scheduler.has("scheduler")).isTrue();
        assertThat(scheduler.has("worker")).isFalse();
        assertThatThrownBy(() -> new BackendRoles(List.of("beat"))).isInstanceOf(IllegalArgumentException.class);
    }
}
