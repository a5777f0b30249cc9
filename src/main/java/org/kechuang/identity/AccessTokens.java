package org.kechuang.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.kechuang.platform.text.Text;
import org.kechuang.platform.web.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Personal access tokens for the API ({@code Authorization: Bearer …}). A token is shown once when created; only its
 * SHA-256 digest is stored, so a leaked database does not leak working tokens.
 */
@Service
class AccessTokens {

    static final int NAME_MAX = 64;

    record TokenInfo(long id, String name, Instant createdAt, Instant lastUsedAt) {}

    private final JdbcClient jdbc;
    private final AccountStore accounts;

    AccessTokens(JdbcClient jdbc, AccountStore accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    /** Creates a token and returns it: the only time it is ever seen. */
    String create(long accountId, String name) {
        String cleaned = Text.clean(name);
        if (cleaned == null || cleaned.isEmpty()) {
            cleaned = "API";
        }
        if (cleaned.length() > NAME_MAX) {
            throw DomainException.invalid("name", "text.too-long", NAME_MAX);
        }
        if (Text.hasMarkup(cleaned)) {
            throw DomainException.invalid("name", "text.markup");
        }
        String token = SecretTokens.generate("kc_");
        jdbc.sql("INSERT INTO access_token (account_id, name, token_hash) VALUES (:account, :name, :hash)")
                .param("account", accountId)
                .param("name", cleaned)
                .param("hash", SecretTokens.sha256(token))
                .update();
        return token;
    }

    /** The user a live token belongs to; records its use (at most once a minute, to spare the database). */
    Optional<CurrentUser> authenticate(String token) {
        Optional<long[]> found = jdbc.sql("""
                        SELECT id, account_id FROM access_token WHERE token_hash = :hash AND revoked_at IS NULL""")
                .param("hash", SecretTokens.sha256(token))
                .query((rs, n) -> new long[] {rs.getLong("id"), rs.getLong("account_id")})
                .optional();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        jdbc.sql("""
                        UPDATE access_token SET last_used_at = now()
                        WHERE id = :id AND (last_used_at IS NULL OR last_used_at < now() - INTERVAL '1 minute')""").param("id", found.get()[0]).update();
        return accounts.findById(found.get()[1]).map(Account::toCurrentUser);
    }

    List<TokenInfo> liveTokensOf(long accountId) {
        return jdbc.sql("""
                        SELECT id, name, created_at, last_used_at FROM access_token
                        WHERE account_id = :account AND revoked_at IS NULL ORDER BY created_at DESC, id DESC""")
                .param("account", accountId)
                .query(AccessTokens::info)
                .list();
    }

    /** Revokes one of the account's own tokens; a token of someone else is "not found". */
    void revoke(long accountId, long tokenId) {
        int revoked =
                jdbc.sql("""
                        UPDATE access_token SET revoked_at = now()
                        WHERE id = :id AND account_id = :account AND revoked_at IS NULL""").param("id", tokenId).param("account", accountId).update();
        if (revoked == 0) {
            throw DomainException.notFound("token.unknown");
        }
    }

    void revokeAll(long accountId) {
        jdbc.sql("UPDATE access_token SET revoked_at = now() WHERE account_id = :account AND revoked_at IS NULL")
                .param("account", accountId)
                .update();
    }

    private static TokenInfo info(ResultSet rs, int n) throws SQLException {
        OffsetDateTime lastUsed = rs.getObject("last_used_at", OffsetDateTime.class);
        return new TokenInfo(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                lastUsed == null ? null : lastUsed.toInstant());
    }
}
