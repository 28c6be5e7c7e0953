package com.sartiq.hub.e2e;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository's deployment/ folder is, from the module directory the tests run in. */
final class DeploymentFiles {

    private DeploymentFiles() {
    }

    static Path root() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("deployment/Caddyfile"))) {
                return dir.resolve("deployment");
            }
        }
        throw new IllegalStateException("no deployment/Caddyfile above " + here);
    }

    static Path repository() {
        return root().getParent();
    }
}
