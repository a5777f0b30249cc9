package org.kechuang.identity;

import java.time.Duration;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Single-use links sent by mail. The token in the link is random; only its SHA-256 digest is stored. A link works
 * once, until it expires, and is compared with the database clock.
 */
@Component
class MailLinks {

    enum Purpose {
        VERIFY_EMAIL,
        RESET_PASSWORD
    }

    private final JdbcClient jdbc;

    MailLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new link token for the account; earlier unused links of the same purpose stop working. */
    String issue(long accountId, Purpose purpose, Duration validity) {
        invalidate(accountId, purpose);
        String token = SecretTokens.generate("");
        jdbc.sql("""
                        INSERT INTO mail_link (account_id, purpose, token_hash, expires_at)
                        VALUES (:account, :purpose, :hash, now() + make_interval(secs => :validity))""")
                .param("account", accountId)
                .param("purpose", purpose.name())
                .param("hash", SecretTokens.sha256(token))
                .param("validity", validity.toSeconds())
                .update();
        return token;
    }

    /** The account of a link that still works, without using it up. */
    Optional<Long> peek(String token, Purpose purpose) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        SELECT account_id FROM mail_link
                        WHERE token_hash = :hash AND purpose = :purpose AND used_at IS NULL AND expires_at > now()""")
                .param("hash", SecretTokens.sha256(token))
                .param("purpose", purpose.name())
                .query(Long.class)
                .optional();
    }

    /** Uses the link up and returns its account; of two simultaneous uses, only one succeeds. */
    Optional<Long> consume(String token, Purpose purpose) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        UPDATE mail_link SET used_at = now()
                        WHERE token_hash = :hash AND purpose = :purpose AND used_at IS NULL AND expires_at > now()
                        RETURNING account_id""")
                .param("hash", SecretTokens.sha256(token))
                .param("purpose", purpose.name())
                .query(Long.class)
                .optional();
    }

    void invalidate(long accountId, Purpose purpose) {
        jdbc.sql(
                        "UPDATE mail_link SET used_at = now() WHERE account_id = :account AND purpose = :purpose AND used_at IS NULL")
                .param("account", accountId)
                .param("purpose", purpose.name())
                .update();
    }

    /** Whether a link of this purpose went to the account within the interval, to keep resends from flooding a mailbox. */
    boolean issuedWithin(long accountId, Purpose purpose, Duration interval) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM mail_link WHERE account_id = :account AND purpose = :purpose
                        AND created_at > now() - make_interval(secs => :interval))""")
                .param("account", accountId)
                .param("purpose", purpose.name())
                .param("interval", interval.toSeconds())
                .query(Boolean.class)
                .single();
    }
}
