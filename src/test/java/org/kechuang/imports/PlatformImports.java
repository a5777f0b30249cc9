package org.kechuang.imports;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.context.ApplicationContext;

/** For tests and benchmarks of other modules: a file through the whole import pipeline, as the platform submits it. */
public final class PlatformImports {

    private PlatformImports() {}

    /** Imports the file into the station's library of {@code type} and waits for the batch; answers its accepted rows. */
    public static int importAndWait(ApplicationContext context, String type, String station, Path file) {
        ImportService imports = context.getBean(ImportService.class);
        long batch = imports.submitAsPlatform(type, station, file.getFileName().toString(), file);
        ImportBatch done = await().atMost(Duration.ofMinutes(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> imports.batch(batch), found -> found.status().finished());
        return done.accepted();
    }
}
