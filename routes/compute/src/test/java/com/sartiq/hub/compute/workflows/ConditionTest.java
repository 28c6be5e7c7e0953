package com.sartiq.hub.compute.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConditionTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Ref.Scope scope = scope();

    @Test
    void numbersCompareAsNumbersEvenWhenAnAnswerQuotesThem() {
        assertTrue(test("evaluate_1.json.score < 7"));
        assertFalse(test("evaluate_1.json.score >= 7"));
        assertTrue(test("evaluate_1.json.quoted == 6.5"), "\"6.5\" counts as the number 6.5");
        assertTrue(test("evaluate_1.json.score <= 6.5"));
        assertTrue(test("evaluate_1.json.score != -1e3"));
        assertTrue(test("evaluate_1.json.score<$input.min_score"), "spaces around the operator are optional");
    }

    @Test
    void stringsBooleansAndReferencesOnTheRight() {
        assertTrue(test("evaluate_1.json.verdict == \"retry\""));
        assertTrue(test("evaluate_1.json.verdict != \"pass now\""));
        assertTrue(test("evaluate_1.json.verdict > \"pass\""), "strings order by their text");
        assertTrue(test("evaluate_1.json.ok == false"));
        assertTrue(test("$input.mode == $input.mode"));
        assertFalse(test("evaluate_1.json.ok == \"false\""), "a boolean is not the string false");
    }

    @Test
    void badConditionsSayWhatIsWrong() {
        assertEquals(List.of("evaluate_1.json.score", "$input.min_score"),
                Condition.parse("evaluate_1.json.score < $input.min_score").refs().stream().map(Ref::text).toList());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Condition.parse("score is high")).getMessage().contains("<op>"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Condition.parse("a.b < maybe")).getMessage().contains("'maybe'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Condition.parse("7 < a.b")).getMessage().contains("reference"));
        assertThrows(IllegalArgumentException.class, () -> Condition.parse("a.b << 3"));
    }

    @Test
    void anUnresolvableReferenceOrIncomparableValuesFailTheEvaluation() {
        assertTrue(assertThrows(IllegalStateException.class, () -> test("evaluate_1.json.missing < 7")).getMessage()
                .contains("evaluate_1.json.missing"));
        assertThrows(IllegalStateException.class, () -> test("evaluate_1.json.ok < 7"));
    }

    private boolean test(String condition) {
        return Condition.parse(condition).test(scope);
    }

    private static Ref.Scope scope() {
        try {
            JsonNode evaluation = MAPPER.readTree("{\"json\":{\"score\":6.5,\"quoted\":\"6.5\",\"verdict\":\"retry\",\"ok\":false}}");
            return Ref.Scope.of(MAPPER.readTree("{\"min_score\":7,\"mode\":\"fast\"}"), Map.of("evaluate_1", evaluation));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
