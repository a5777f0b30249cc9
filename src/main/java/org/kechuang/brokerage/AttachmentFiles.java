package org.kechuang.brokerage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The attachments directory: each file under a random name ({@code ab/ab12…}, a UUID) that tells nothing about the
 * file or the engagement, outside anything the web server serves. A file is written before its row; when the
 * transaction that was to record it rolls back, the file is deleted again, so nothing is left half-written.
 */
@Component
class AttachmentFiles {

    private static final Logger log = LoggerFactory.getLogger(AttachmentFiles.class);

    private final Path root;

    AttachmentFiles(CollaborationProperties properties) {
        this.root = properties.attachments().toAbsolutePath().normalize();
    }

    /** A file written to the directory, not yet kept: {@link #keep} or {@link #discard} it. */
    record Incoming(Path path, String sha256) {}

    Incoming receive(byte[] content) {
        try {
            Path incoming = root.resolve("incoming");
            Files.createDirectories(incoming);
            Path path = incoming.resolve(UUID.randomUUID().toString());
            Files.write(path, content);
            return new Incoming(path, sha256(content));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the attachments directory " + root, e);
        }
    }

    /**
     * Moves the received file to its random name; it is deleted again if the current transaction rolls back.
     *
     * @return its storage key
     */
    String keep(Incoming incoming) {
        String name = UUID.randomUUID().toString().replace("-", "");
        String key = name.substring(0, 2) + "/" + name;
        Path target = resolve(key);
        try {
            Files.createDirectories(target.getParent());
            Files.move(incoming.path(), target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            discard(incoming);
            throw new UncheckedIOException("cannot keep an attachment in " + root, e);
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        delete(target);
                    }
                }
            });
        }
        return key;
    }

    void discard(Incoming incoming) {
        delete(incoming.path());
    }

    Resource open(String storageKey) {
        return new FileSystemResource(resolve(storageKey));
    }

    boolean exists(String storageKey) {
        return Files.isRegularFile(resolve(storageKey));
    }

    private Path resolve(String key) {
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("not an attachment key: " + key);
        }
        return path;
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            log.warn("Attachment file {} could not be deleted", path, e);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
