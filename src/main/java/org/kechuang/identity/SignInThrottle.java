package org.kechuang.identity;

import java.time.Duration;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refuses sign-ins for a username after too many failures. Failures and locks live in PostgreSQL and are compared
 * with the database clock, so they survive restarts and hold across several application instances. The key is the
 * account's username (whether signed in with username or e-mail) or, for a name that belongs to no account, the name
 * typed: unknown names are locked alike, so a lock tells nothing about whether an account exists.
 */
@Component
class SignInThrottle {

    private final JdbcClient jdbc;
    private final IdentityProperties properties;

    SignInThrottle(JdbcClient jdbc, IdentityProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** The time left on the lock of this username, if it is locked now. */
    Optional<Duration> lockedFor(String key) {
        return jdbc.sql("""
                        SELECT ceil(extract(EPOCH FROM locked_until - now()))::bigint FROM sign_in_lock
                        WHERE username_key = :key AND locked_until > now()""").param("key", key).query(Long.class).optional().map(Duration::ofSeconds);
    }

    /** Counts a failure; the failure that reaches the limit locks the username and starts a fresh count. */
    void recordFailure(String key) {
        jdbc.sql(
                        "DELETE FROM sign_in_failure WHERE username_key = :key AND failed_at <= now() - make_interval(secs => :window)")
                .param("key", key)
                .param("window", properties.failureWindow().toSeconds())
                .update();
        jdbc.sql("INSERT INTO sign_in_failure (username_key) VALUES (:key)")
                .param("key", key)
                .update();
        long failures = jdbc.sql("SELECT count(*) FROM sign_in_failure WHERE username_key = :key")
                .param("key", key)
                .query(Long.class)
                .single();
        if (failures >= properties.maxFailedSignIns()) {
            jdbc.sql("""
                            INSERT INTO sign_in_lock (username_key, locked_until) VALUES (:key, now() + make_interval(secs => :lock))
                            ON CONFLICT (username_key) DO UPDATE SET locked_until = excluded.locked_until""")
                    .param("key", key)
                    .param("lock", properties.lockDuration().toSeconds())
                    .update();
            jdbc.sql("DELETE FROM sign_in_failure WHERE username_key = :key")
                    .param("key", key)
                    .update();
        }
    }

    void recordSuccess(String key) {
        jdbc.sql("DELETE FROM sign_in_failure WHERE username_key = :key")
                .param("key", key)
                .update();
    }
}
