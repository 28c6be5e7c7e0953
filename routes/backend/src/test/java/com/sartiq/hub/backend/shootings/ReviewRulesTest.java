package com.sartiq.hub.backend.shootings;

import com.sartiq.hub.backend.shootings.ReviewRules.Status;
import com.sartiq.hub.common.rest.ApiException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ReviewRulesTest {

    @Test
    void approvalNeedsImagesAndHappensOnce() {
        assertThat(ReviewRules.approve(Status.IN_REVIEW, 1)).isEqualTo(Status.IN_REVIEW);
        assertThat(catchThrowableOfType(ApiException.class, () -> ReviewRules.approve(Status.PENDING, 0)).status()).isEqualTo(409);
        assertThat(catchThrowableOfType(ApiException.class, () -> ReviewRules.approve(Status.APPROVED, 2)).status()).isEqualTo(409);
    }

    @Test
    void rejectionNeedsSomethingToReject() {
        assertThat(ReviewRules.reject(Status.IN_REVIEW)).isEqualTo(Status.IN_REVIEW);
        assertThat(ReviewRules.reject(Status.APPROVED)).isEqualTo(Status.APPROVED);
        assertThat(catchThrowableOfType(ApiException.class, () -> ReviewRules.reject(Status.PENDING)).status()).isEqualTo(409);
    }

    @Test
    void patchMovesOnlyBetweenPendingAndInReview() {
        assertThat(ReviewRules.move(Status.PENDING, Status.IN_REVIEW)).isEqualTo(Status.IN_REVIEW);
        assertThat(ReviewRules.move(Status.APPROVED, null)).isEqualTo(Status.APPROVED);
        assertThat(catchThrowableOfType(ApiException.class, () -> ReviewRules.move(Status.IN_REVIEW, Status.APPROVED)).status()).isEqualTo(409);
        assertThat(catchThrowableOfType(ApiException.class, () -> ReviewRules.move(Status.APPROVED, Status.PENDING)).status()).isEqualTo(409);
        assertThat(catchThrowableOfType(ApiException.class, () -> ReviewRules.requireOpen(Status.APPROVED)).status()).isEqualTo(409);
    }
}
