package com.sartiq.hub.backend.jobs;

/** What a job does, and the route that does it (it answers the job's result as a Map). */
public enum JobKind {
    EXPORT_SHOOTING("direct:jobs.export-shooting"),
    TEMP_CLEANUP("direct:jobs.temp-cleanup"),
    MEDIA_ENRICH("direct:jobs.media-enrich");

    private final String handler;

    JobKind(String handler) {
        this.handler = handler;
    }

    public String handler() {
        return handler;
    }
}
