package org.kechuang.imports;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kechuang.platform.web.DomainException;
import org.kechuang.platform.web.Problems;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar kechuang.jar import --station CODE --type TYPE FILE}: runs the import pipeline without the web
 * server, on the application's database, with a progress bar on standard error and a summary. Exit code 0 when every
 * row was accepted, 1 when some were refused, 2 when the file or the command was refused or the batch failed.
 */
public final class ImportCommand {

    static final int ALL_ACCEPTED = 0;
    static final int SOME_REFUSED = 1;
    static final int REFUSED = 2;
    private static final int ERRORS_PRINTED = 20;
    private static final int BAR = 30;

    private ImportCommand() {}

    /** Whether the arguments ask for the import command. */
    public static boolean requested(String[] args) {
        return args.length > 0 && "import".equals(args[0]);
    }

    /** Runs the command in a non-web application context of the given application class; the exit code. */
    public static int run(Class<?> application, String[] args) {
        PrintStream err = System.err;
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException usage) {
            err.println(usage.getMessage());
            err.println("usage: java -jar kechuang.jar import --station CODE --type TYPE FILE");
            return REFUSED;
        }
        SpringApplication app = new SpringApplication(application);
        app.setWebApplicationType(WebApplicationType.NONE);
        // the command applies its own batch in the foreground: no background workers
        app.setDefaultProperties(Map.of("kechuang.imports.workers", "0"));
        try (ConfigurableApplicationContext context = app.run(args)) {
            return execute(context, arguments, err);
        }
    }

    private static int execute(ConfigurableApplicationContext context, Arguments arguments, PrintStream err) {
        ImportService imports = context.getBean(ImportService.class);
        ChunkApplier applier = context.getBean(ChunkApplier.class);
        Problems problems = context.getBean(Problems.class);
        Locale locale = Locale.getDefault();
        long batchId;
        long started = System.nanoTime();
        try {
            err.println("Reading " + arguments.file() + " …");
            batchId = imports.submitAsPlatform(
                    arguments.type(),
                    arguments.station(),
                    arguments.file().getFileName().toString(),
                    arguments.file());
        } catch (DomainException refused) {
            err.println("Refused: " + problems.message(refused.key(), refused.args(), locale));
            if (refused instanceof ImportRefused file) {
                file.errors()
                        .forEach(e -> err.println("  row " + e.row() + " "
                                + e.error().field() + ": "
                                + problems.message(
                                        e.error().key(), e.error().args().toArray(), locale)));
            }
            return REFUSED;
        }
        ImportBatch batch = imports.batch(batchId);
        err.println("Batch " + batchId + ": " + batch.total() + " rows staged");
        while (applier.applyNext(batchId)) {
            batch = imports.batch(batchId);
            err.print("\r" + bar(batch, started));
        }
        batch = imports.batch(batchId);
        err.println("\r" + bar(batch, started));
        List<BatchStore.RowError> errors = imports.errors(batchId, 0, ERRORS_PRINTED);
        for (BatchStore.RowError e : errors) {
            err.println("  row " + e.row() + (e.field() == null ? "" : " " + e.field()) + ": "
                    + problems.message(e.key(), e.args().toArray(), locale));
        }
        int errorCount = imports.errorCount(batchId);
        if (errorCount > errors.size()) {
            err.println("  … " + (errorCount - errors.size()) + " more");
        }
        System.out.printf(
                "batch %d %s: %d rows, %d accepted (%d new, %d updated, %d unchanged), %d refused%n",
                batch.id(),
                batch.status().name().toLowerCase(Locale.ROOT),
                batch.total(),
                batch.accepted(),
                batch.inserted(),
                batch.updated(),
                batch.unchanged(),
                batch.rejected());
        if (batch.status() == BatchStatus.FAILED) {
            err.println("Failed: " + problems.message(batch.failureReason(), new Object[0], locale));
            return REFUSED;
        }
        return batch.rejected() == 0 ? ALL_ACCEPTED : SOME_REFUSED;
    }

    static String bar(ImportBatch batch, long startedNanos) {
        int filled = batch.percent() * BAR / 100;
        double seconds = Math.max(0.001, (System.nanoTime() - startedNanos) / 1e9);
        return "[" + "#".repeat(filled) + "-".repeat(BAR - filled) + "] "
                + String.format(
                        Locale.ROOT,
                        "%3d%% %d/%d rows, %d accepted, %d refused, %.0f rows/s",
                        batch.percent(),
                        batch.done(),
                        batch.total(),
                        batch.accepted(),
                        batch.rejected(),
                        batch.done() / seconds);
    }

    /** The command's own arguments; options with a dot ({@code --server.port=…}) belong to Spring. */
    record Arguments(String station, String type, Path file) {

        static Arguments parse(String[] args) {
            String station = null;
            String type = null;
            List<String> files = new ArrayList<>();
            for (int i = 1; i < args.length; i++) {
                String arg = args[i];
                if (arg.startsWith("--station") || arg.startsWith("--type")) {
                    String name = arg.substring(2).split("=", 2)[0];
                    String value;
                    if (arg.contains("=")) {
                        value = arg.substring(arg.indexOf('=') + 1);
                    } else if (i + 1 < args.length) {
                        value = args[++i];
                    } else {
                        throw new IllegalArgumentException("--" + name + " needs a value");
                    }
                    if (name.equals("station")) {
                        station = value;
                    } else {
                        type = value;
                    }
                } else if (!arg.startsWith("--")) {
                    files.add(arg);
                }
            }
            if (station == null || type == null || files.size() != 1) {
                throw new IllegalArgumentException("--station, --type and exactly one FILE are required");
            }
            Path file = Path.of(files.getFirst());
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("no such file: " + file);
            }
            return new Arguments(station, type, file);
        }
    }
}
