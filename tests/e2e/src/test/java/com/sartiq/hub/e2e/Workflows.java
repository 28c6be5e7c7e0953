package com.sartiq.hub.e2e;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading compute's workflow view in the workflow and generation-strategy tests. */
final class Workflows {

    private Workflows() {
    }

    /** The step of {@code GET /api/v1/workflows/{id}} with this id; failing the test when there is none. */
    static JsonNode step(JsonNode workflow, String id) {
        for (JsonNode step : workflow.get("steps")) {
            if (step.get("id").asText().equals(id)) {
                return step;
            }
        }
        throw new AssertionError("no step " + id + " in " + workflow);
    }
}
