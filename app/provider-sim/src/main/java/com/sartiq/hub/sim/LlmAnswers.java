package com.sartiq.hub.sim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Scripted LLM answers for tests: the next calls (any provider) whose prompt contains a script's
 * {@code match} get its answers in order, one each; when a script runs out, calls fall back to the echo.
 * Scripts are tried in the order they were added, so a test that names its own prompt is not disturbed by
 * another test's script.
 */
public final class LlmAnswers {

    private record Script(String match, Deque<String> answers) {
    }

    private final List<Script> scripts = new ArrayList<>();

    /** The next calls whose prompt contains {@code match} answer {@code answers}, in order. */
    public synchronized LlmAnswers script(String match, List<String> answers) {
        if (match == null || match.isEmpty()) {
            throw new IllegalArgumentException("match must not be empty: it would script every call");
        }
        if (answers == null || answers.isEmpty() || answers.contains(null)) {
            throw new IllegalArgumentException("answers must be a non-empty list of texts");
        }
        scripts.add(new Script(match, new ArrayDeque<>(answers)));
        return this;
    }

    /** The scripted answer of a call with this prompt, if a script matches and has one left (it is used up). */
    synchronized Optional<String> take(String prompt) {
        for (var it = scripts.iterator(); it.hasNext(); ) {
            Script script = it.next();
            if (prompt.contains(script.match())) {
                String answer = script.answers().poll();
                if (script.answers().isEmpty()) {
                    it.remove();
                }
                return Optional.of(answer);
            }
        }
        return Optional.empty();
    }

    /** Answers still waiting, over all scripts. */
    public synchronized int pending() {
        return scripts.stream().mapToInt(s -> s.answers().size()).sum();
    }

    public synchronized void clear() {
        scripts.clear();
    }
}
