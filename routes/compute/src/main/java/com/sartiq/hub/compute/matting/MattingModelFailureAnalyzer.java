package com.sartiq.hub.compute.matting;

import com.sartiq.hub.processors.matting.MattingModelException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a matting model that cannot be loaded into Spring Boot's "APPLICATION FAILED TO START" report, with the
 * path in the description and the settings to check as the action, instead of a bean-creation stack trace.
 */
public class MattingModelFailureAnalyzer extends AbstractFailureAnalyzer<MattingModelException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MattingModelException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Point hub.matting.model-path (HUB_MATTING_MODEL_PATH) at the ONNX file of the model named by hub.matting.model "
                        + "(HUB_MATTING_MODEL: u2net, u2netp or isnet-general-use), or set hub.matting.demo-model=true "
                        + "(HUB_MATTING_DEMO_MODEL) to run with the bundled demo model. See docs/MATTING.md.",
                cause);
    }
}
