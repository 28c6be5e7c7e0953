package com.sartiq.hub.backend.shootings;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExportNamesTest {

    @Test
    void entriesAreFoldersPerLookWithSlugNames() {
        ExportNames names = new ExportNames();
        assertThat(names.next(1, "Été Dress #1", "Front / Full body", 2, 0, "media/abc/file.PNG")).isEqualTo("01-ete-dress-1/front-full-body-v2-1.png");
        assertThat(names.next(12, null, null, 1, 3, "media/abc/file.webp")).isEqualTo("12-look/shot-v1-4.webp");
    }

    @Test
    void namesNeverEscapeTheArchiveAndStayUnique() {
        ExportNames names = new ExportNames();
        String first = names.next(1, "../../etc", "..", 1, 0, "media/x/file.jpg");
        assertThat(first).isEqualTo("01-etc/shot-v1-1.jpg");
        assertThat(names.next(1, "../../etc", "..", 1, 0, "media/y/file.jpg")).isEqualTo("01-etc/shot-v1-1-2.jpg");
        assertThat(names.next(1, "a", "b", 1, 0, "media/noext/file")).endsWith(".bin");
        assertThat(names.next(1, "a", "b", 1, 1, null)).endsWith(".bin");
    }

    @Test
    void theArchiveIsNamedAfterTheShooting() {
        assertThat(ExportNames.archiveName("Summer Campaign 2030")).isEqualTo("summer-campaign-2030-export.zip");
        assertThat(ExportNames.archiveName("???")).isEqualTo("shooting-export.zip");
    }
}
