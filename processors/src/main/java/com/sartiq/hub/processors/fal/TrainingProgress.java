package com.sartiq.hub.processors.fal;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How far a fal training is, read from its status {@code logs} (messages, oldest first): the newest message that
 * names a step ({@code step 250/1000}, a tqdm bar's {@code 250/1000}) or a percentage ({@code 25%}). fal's trainers
 * report progress only in their logs; a status without such a line says nothing about progress.
 */
public final class TrainingProgress {

    private static final Pattern STEP = Pattern.compile("(?i)(?:step\\s*)?(\\d+)\\s*/\\s*(\\d+)");
    private static final Pattern PERCENT = Pattern.compile("(\\d{1,3}(?:\\.\\d+)?)\\s*%");

    private TrainingProgress() {
    }

    /** The share done, 0 to 1, or null when no message tells. */
    public static Double fraction(List<String> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            String message = messages.get(i);
            if (message == null) {
                continue;
            }
            Matcher step = STEP.matcher(message);
            Double found = null;
            while (step.find()) {
                long done = Long.parseLong(step.group(1));
                long total = Long.parseLong(step.group(2));
                if (total > 0 && done <= total) {
                    found = (double) done / total;
                }
            }
            if (found != null) {
                return found;
            }
            Matcher percent = PERCENT.matcher(message);
            if (percent.find()) {
                double value = Double.parseDouble(percent.group(1));
                if (value <= 100) {
                    return value / 100;
                }
            }
        }
        return null;
    }

    /**
     * The task's progress percentage while fal trains: 10 when queued or nothing is known yet, then 10 to 90 with
     * the steps done (the rest is copying the result into our storage).
     */
    public static int percent(List<String> messages) {
        Double fraction = fraction(messages);
        return fraction == null ? 10 : 10 + (int) Math.round(80 * fraction);
    }
}
