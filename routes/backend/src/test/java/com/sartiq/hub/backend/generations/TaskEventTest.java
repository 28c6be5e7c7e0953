package com.sartiq.hub.backend.generations;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sartiq.hub.common.rest.FieldError;
import com.sartiq.hub.common.rest.RequestValidationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TaskEventTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String TASK = "0f0e2a40-4c1d-4d8e-9d7e-1a2b3c4d5e6f";

    @Test
    void computeStatusesMapOntoPredictionStates() {
        assertThat(event("pending").predictionStatus()).isEqualTo("pending");
        assertThat(event("running").predictionStatus()).isEqualTo("generating");
        assertThat(event("completed").predictionStatus()).isEqualTo("completed");
        assertThat(event("failed").predictionStatus()).isEqualTo("error");
        assertThat(event("cancelled").predictionStatus()).isEqualTo("error");
        assertThat(event("cancelled").errorOrCancelled()).isEqualTo("Cancelled");
        assertThat(event("running").terminal()).isFalse();
    }

    @Test
    void theEntityIsUsedOnlyWhenItIsAnId() {
        assertThat(TaskEvent.parse("{\"task_id\":\"" + TASK + "\",\"status\":\"pending\",\"sequence\":1,\"entity_id\":\"scarf-1\"}", MAPPER).entityId()).isNull();
        assertThat(TaskEvent.parse("{\"task_id\":\"" + TASK + "\",\"status\":\"pending\",\"sequence\":1,\"entity_id\":\"" + TASK + "\"}", MAPPER).entityId())
                .isEqualTo(TASK);
    }

    @Test
    void aTaskComputeDoesNotKnowIsAFinalFailureOfItsPrediction() {
        String prediction = "0b7e4a54-3f5c-4d0e-9a61-2f7d5e1c8b90";
        TaskEvent lost = TaskEvent.unknownToCompute(TASK, prediction);
        assertThat(lost.terminal()).isTrue();
        assertThat(lost.predictionStatus()).isEqualTo("error");
        assertThat(lost.sequence()).isEqualTo(TaskEvent.FINAL);
        assertThat(lost.entityId()).isEqualTo(prediction);
        assertThat(lost.errorMessage()).isEqualTo("compute does not know task " + TASK + " (HTTP 404): the prediction cannot finish");
    }

    @Test
    void trainingEventsAreToldApart() {
        assertThat(TaskEvent.parse("{\"event_type\":\"training_status_update\",\"task_id\":\"" + TASK + "\",\"status\":\"running\",\"sequence\":2}",
                MAPPER).training()).isTrue();
        assertThat(event("running").training()).isFalse();
    }

    @Test
    void aStateReadFromComputeIsFinal() {
        var task = MAPPER.createObjectNode().put("id", TASK).put("status", "completed").put("progress", 100).put("task_type", "GENERATION");
        TaskEvent event = TaskEvent.reconciled(task);
        assertThat(event.sequence()).isEqualTo(TaskEvent.FINAL);
        assertThat(event.terminal()).isTrue();
    }

    @Test
    void notAnEventIsAValidationErrorPerField() {
        var failure = catchThrowableOfType(() -> TaskEvent.parse("{\"status\":\"running\"}", MAPPER), RequestValidationException.class);
        assertThat(failure.errors().stream().map(FieldError::loc).map(l -> l.get(1))).containsExactly("task_id", "sequence");
        var badId = catchThrowableOfType(() -> TaskEvent.parse("{\"task_id\":\"x\",\"status\":\"running\",\"sequence\":1}", MAPPER),
                RequestValidationException.class);
        assertThat(badId.errors().get(0).type()).isEqualTo("uuid_parsing");
    }

    private static TaskEvent event(String status) {
        return TaskEvent.parse("{\"task_id\":\"" + TASK + "\",\"status\":\"" + status + "\",\"sequence\":3,\"progress\":40}", MAPPER);
    }
}
