package org.kechuang.support;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real public data in {@code ../shared/data}, present on the team's machines and in CI but not in a user's clone.
 * Tests that read it carry {@code @Tag("shared-data")} and run with {@code -Pshared-data}; when they run, a missing
 * folder fails them loudly instead of skipping.
 */
public final class SharedData {

    private SharedData() {}

    public static Path file(String relative) {
        Path root = Path.of(System.getProperty("kechuang.shared-data", "../shared/data"));
        Path file = root.resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("Shared data file missing: " + file.toAbsolutePath()
                    + " (tests tagged shared-data need ../shared/data beside the project)");
        }
        return file;
    }
}
