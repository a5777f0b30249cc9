package org.kechuang.brokerage;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param attachments the directory the files attached to messages are kept in: outside the web root, never served
 *     directly (default {@code data/attachments})
 * @param reminderBefore how long before a stage's deadline its manager and the parties who must act are reminded
 */
@ConfigurationProperties("kechuang.brokerage")
record CollaborationProperties(Path attachments, Duration reminderBefore) {

    CollaborationProperties {
        if (attachments == null) {
            attachments = Path.of("data", "attachments");
        }
        if (reminderBefore == null) {
            reminderBefore = Duration.ofDays(2);
        }
        if (reminderBefore.isNegative()) {
            throw new IllegalArgumentException("kechuang.brokerage.reminder-before must not be negative");
        }
    }
}
