package com.sartiq.hub.compute.workflows;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The workflow engine ({@code hub.workflows.*}).
 *
 * @param sweepCron    beat job (Quartz cron with seconds) advancing running workflows whose tasks ended without
 *                     their event being handled (a workflow process down, Redis lost the message)
 * @param sweepBatch   workflows advanced per sweep
 * @param templatesDir directory of named workflow templates ({@code <name>.yaml}); its files add to and replace
 *                     the templates packaged in the application (relative paths from the working directory)
 */
@ConfigurationProperties("hub.workflows")
public record WorkflowProperties(String sweepCron, Integer sweepBatch, String templatesDir) {

    public WorkflowProperties {
        sweepCron = sweepCron == null || sweepCron.isBlank() ? "0/10 * * * * ?" : sweepCron;
        sweepBatch = sweepBatch == null ? 100 : sweepBatch;
        templatesDir = templatesDir == null ? "config/workflows" : templatesDir;
    }
}
