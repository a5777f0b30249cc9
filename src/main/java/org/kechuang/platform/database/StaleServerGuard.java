package org.kechuang.platform.database;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JVM killed with {@code kill -9} leaves its PostgreSQL server running, orphaned, holding the data directory and
 * the port. Before starting, find such a server through {@code postmaster.pid} and stop it — but only when no live
 * application holds the data directory's lock, so a second instance never stops the first one's database.
 */
final class StaleServerGuard {

    private static final Logger log = LoggerFactory.getLogger(StaleServerGuard.class);
    private static final String ZONKY_LOCK_FILE = "epg-lock";
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private StaleServerGuard() {}

    static void stopOrphanedServer(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> server =
                readPid(pidFile).flatMap(ProcessHandle::of).filter(StaleServerGuard::isPostgres);
        if (server.isEmpty()) {
            // PostgreSQL itself removes a pid file whose process is gone
            return;
        }
        ensureNoLiveOwner(dataDirectory);
        ProcessHandle postmaster = server.get();
        log.warn(
                "Found PostgreSQL (pid {}) left running on {} by a stopped application; stopping it before start",
                postmaster.pid(),
                dataDirectory);
        postmaster.destroy();
        if (!awaitStopped(postmaster, pidFile, STOP_TIMEOUT)) {
            log.warn("PostgreSQL pid {} did not stop within {}; killing it", postmaster.pid(), STOP_TIMEOUT);
            postmaster.destroyForcibly();
            awaitStopped(postmaster, pidFile, STOP_TIMEOUT);
        }
    }

    /**
     * A stopped server removes its pid file; a server whose parent is gone may linger as a zombie until it is reaped,
     * which {@link ProcessHandle#isAlive()} still reports as alive, so the process's command line is checked too.
     */
    private static boolean awaitStopped(ProcessHandle postmaster, Path pidFile, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!Files.exists(pidFile) || !isPostgres(postmaster)) {
                return true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private static void ensureNoLiveOwner(Path dataDirectory) throws IOException {
        Path lockFile = dataDirectory.resolve(ZONKY_LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return;
        }
        try (RandomAccessFile file = new RandomAccessFile(lockFile.toFile(), "rw");
                FileChannel channel = file.getChannel();
                FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw new IllegalStateException(
                        "The embedded database in " + dataDirectory
                                + " is in use by another running Kechuang; stop it or set kechuang.database.embedded.data-directory");
            }
        }
    }

    private static Optional<Long> readPid(Path pidFile) throws IOException {
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(lines.getFirst().trim()));
        } catch (NumberFormatException garbled) {
            return Optional.empty();
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.isAlive()
                && process.info().command().map(c -> c.endsWith("postgres")).orElse(false);
    }
}
