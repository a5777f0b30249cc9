package org.kechuang.brokerage;

import java.time.Instant;
import java.util.List;

/**
 * A message between the parties of an engagement (对接留言), with the files attached to it. Only the parties and
 * operators read it.
 *
 * @param text plain text, empty when the message is only a file
 */
record EngagementMessage(
        long id, long engagementId, long authorId, String text, Instant createdAt, List<Attachment> attachments) {

    static final int MAX_TEXT = 5000;

    EngagementMessage {
        attachments = List.copyOf(attachments);
    }
}
