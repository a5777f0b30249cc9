package org.kechuang.brokerage;

import java.time.Instant;

/**
 * A file attached to a message of an engagement. The file lies under {@code storageKey} in the attachments directory,
 * a random name that says nothing about it; {@code fileName} is what it is offered as.
 *
 * @param type what the content is, found by looking at it
 * @param sha256 the content's checksum, hex
 */
record Attachment(
        long id,
        long engagementId,
        long messageId,
        String fileName,
        AttachmentType type,
        long size,
        String sha256,
        String storageKey,
        long uploadedBy,
        Instant createdAt) {

    /** 10 MB. */
    static final long MAX_SIZE = 10L * 1024 * 1024;
}
