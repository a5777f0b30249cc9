package org.kechuang.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * For benchmarks: a run's own database cluster and index folders (search, matching) under {@code target/bench}, the application's
 * command-line arguments that point at them (arguments, so that they win over application.yml), and their removal
 * once the context is closed and the embedded server stopped.
 */
public final class BenchRun {

    public static final Path FOLDER = Path.of("target/bench");

    private final Path database;
    private final Path index;
    private final Path matching;

    private BenchRun(Path database, Path index, Path matching) {
        this.database = database;
        this.index = index;
        this.matching = matching;
    }

    public static BenchRun fresh() throws IOException {
        Files.createDirectories(FOLDER);
        String run = UUID.randomUUID().toString();
        return new BenchRun(
                FOLDER.resolve("db-" + run), FOLDER.resolve("search-" + run), FOLDER.resolve("matching-" + run));
    }

    /** The folders of an earlier run kept with {@code -Dbench.keepIndex=true}, to measure again without refilling. */
    public static BenchRun reused(String run) {
        Path database = FOLDER.resolve("db-" + run);
        if (!Files.isDirectory(database)) {
            throw new IllegalArgumentException("no kept run " + run + " in " + FOLDER);
        }
        return new BenchRun(database, FOLDER.resolve("search-" + run), FOLDER.resolve("matching-" + run));
    }

    public Path index() {
        return index;
    }

    /** A fresh cluster on a free port, a fresh index, no mail server, quiet logs; then the benchmark's own. */
    public String[] arguments(String... more) {
        List<String> arguments = new ArrayList<>(List.of(
                "--kechuang.database.embedded.data-directory=" + database,
                "--kechuang.search.directory=" + index,
                "--kechuang.matching.directory=" + matching,
                "--kechuang.database.embedded.binaries-directory=target/pg-binaries",
                "--kechuang.database.embedded.port=0",
                "--kechuang.mail.embedded.port=0",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN"));
        arguments.addAll(List.of(more));
        return arguments.toArray(String[]::new);
    }

    /** Deletes the run's database and indexes; call after the context is closed. */
    public void delete() throws IOException {
        for (Path folder : List.of(database, index, matching)) {
            if (Files.exists(folder)) {
                try (Stream<Path> paths = Files.walk(folder)) {
                    for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
        }
    }
}
