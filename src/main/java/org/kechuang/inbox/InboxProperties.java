package org.kechuang.inbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sending notices by e-mail.
 *
 * @param mailRetryInterval how often the sender looks for mails still to send (left by a crash or refused by the mail
 *     server), and the wait after the first refusal; the n-th refusal waits n times as long
 * @param mailMaxAttempts after this many refusals the mail is given up (status {@code FAILED})
 * @param mailKeptFor how long the outbox keeps a mail that was sent or given up (its notice stays in the inbox)
 */
@ConfigurationProperties("kechuang.inbox")
record InboxProperties(
        @DefaultValue("1m") Duration mailRetryInterval,
        @DefaultValue("5") int mailMaxAttempts,
        @DefaultValue("90d") Duration mailKeptFor) {}
