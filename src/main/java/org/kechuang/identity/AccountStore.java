package org.kechuang.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The account tables, in plain SQL. */
@Repository
class AccountStore {

    /** What sign-in needs: the hash and whether the address was confirmed. */
    record Credentials(long id, String usernameKey, String passwordHash, boolean verified) {}

    record AccountRow(
            long id, String username, String email, String displayName, boolean verified, Instant createdAt) {}

    private final JdbcClient jdbc;

    AccountStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String username, String email, String displayName, String passwordHash, boolean verified) {
        return jdbc.sql("""
                        INSERT INTO account (username, username_key, email, email_key, display_name, password_hash, verified)
                        VALUES (:username, :usernameKey, :email, :emailKey, :displayName, :hash, :verified)
                        RETURNING id""")
                .param("username", username)
                .param("usernameKey", AccountKeys.username(username))
                .param("email", email)
                .param("emailKey", AccountKeys.email(email))
                .param("displayName", displayName)
                .param("hash", passwordHash)
                .param("verified", verified)
                .query(Long.class)
                .single();
    }

    boolean usernameTaken(String username) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM account WHERE username_key = :key)")
                .param("key", AccountKeys.username(username))
                .query(Boolean.class)
                .single();
    }

    boolean emailTaken(String email) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM account WHERE email_key = :key)")
                .param("key", AccountKeys.email(email))
                .query(Boolean.class)
                .single();
    }

    Optional<Credentials> credentialsByLogin(String login) {
        String column = login.contains("@") ? "email_key" : "username_key";
        String key = login.contains("@") ? AccountKeys.email(login) : AccountKeys.username(login);
        return jdbc.sql("SELECT id, username_key, password_hash, verified FROM account WHERE " + column + " = :key")
                .param("key", key)
                .query((rs, n) -> new Credentials(
                        rs.getLong("id"),
                        rs.getString("username_key"),
                        rs.getString("password_hash"),
                        rs.getBoolean("verified")))
                .optional();
    }

    Optional<String> passwordHash(long accountId) {
        return jdbc.sql("SELECT password_hash FROM account WHERE id = :id")
                .param("id", accountId)
                .query(String.class)
                .optional();
    }

    void changePassword(long accountId, String passwordHash) {
        jdbc.sql("UPDATE account SET password_hash = :hash WHERE id = :id")
                .param("hash", passwordHash)
                .param("id", accountId)
                .update();
    }

    void markVerified(long accountId) {
        jdbc.sql("UPDATE account SET verified = TRUE WHERE id = :id")
                .param("id", accountId)
                .update();
    }

    Optional<Account> findById(long id) {
        return jdbc.sql(SELECT_ACCOUNT + " WHERE id = :id")
                .param("id", id)
                .query(AccountStore::row)
                .optional()
                .map(this::withGrants);
    }

    List<Account> holding(Role role) {
        return jdbc
                .sql(SELECT_ACCOUNT + " WHERE id IN (SELECT account_id FROM role_grant WHERE role = :role) ORDER BY id")
                .param("role", role.name())
                .query(AccountStore::row)
                .list()
                .stream()
                .map(this::withGrants)
                .toList();
    }

    Optional<Account> findByUsername(String username) {
        return jdbc.sql(SELECT_ACCOUNT + " WHERE username_key = :key")
                .param("key", AccountKeys.username(username))
                .query(AccountStore::row)
                .optional()
                .map(this::withGrants);
    }

    Optional<Account> findByEmail(String email) {
        return jdbc.sql(SELECT_ACCOUNT + " WHERE email_key = :key")
                .param("key", AccountKeys.email(email))
                .query(AccountStore::row)
                .optional()
                .map(this::withGrants);
    }

    /** Accounts whose username, e-mail or display name contains the text, newest first. */
    List<Account> search(String text, int offset, int limit) {
        return jdbc
                .sql(SELECT_ACCOUNT + SEARCH + " ORDER BY created_at DESC, id DESC OFFSET :offset LIMIT :limit")
                .param("pattern", likePattern(text))
                .param("offset", offset)
                .param("limit", limit)
                .query(AccountStore::row)
                .list()
                .stream()
                .map(this::withGrants)
                .toList();
    }

    long count(String text) {
        return jdbc.sql("SELECT count(*) FROM account" + SEARCH)
                .param("pattern", likePattern(text))
                .query(Long.class)
                .single();
    }

    void grant(long accountId, Role role, Long stationId) {
        jdbc.sql("""
                        INSERT INTO role_grant (account_id, role, station_id) VALUES (:account, :role, :station)
                        ON CONFLICT ON CONSTRAINT role_grant_unique DO NOTHING""")
                .param("account", accountId)
                .param("role", role.name())
                .param("station", stationId)
                .update();
    }

    void revoke(long accountId, Role role) {
        jdbc.sql("DELETE FROM role_grant WHERE account_id = :account AND role = :role")
                .param("account", accountId)
                .param("role", role.name())
                .update();
    }

    int dismiss(long stationId, long accountId) {
        return jdbc.sql(
                        "DELETE FROM role_grant WHERE account_id = :account AND role = 'STATION_ADMIN' AND station_id = :station")
                .param("account", accountId)
                .param("station", stationId)
                .update();
    }

    List<StationAdministration.StationAdmin> adminsOf(long stationId) {
        return jdbc.sql("""
                        SELECT a.id, a.username, a.display_name FROM role_grant g JOIN account a ON a.id = g.account_id
                        WHERE g.role = 'STATION_ADMIN' AND g.station_id = :station ORDER BY a.username_key""")
                .param("station", stationId)
                .query((rs, n) -> new StationAdministration.StationAdmin(
                        rs.getLong("id"), rs.getString("username"), rs.getString("display_name")))
                .list();
    }

    boolean anyoneHolds(Role role) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM role_grant WHERE role = :role)")
                .param("role", role.name())
                .query(Boolean.class)
                .single();
    }

    private Account withGrants(AccountRow row) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Set<Long> stations = new HashSet<>();
        jdbc.sql("SELECT role, station_id FROM role_grant WHERE account_id = :id")
                .param("id", row.id())
                .query(rs -> {
                    roles.add(Role.valueOf(rs.getString("role")));
                    long station = rs.getLong("station_id");
                    if (!rs.wasNull()) {
                        stations.add(station);
                    }
                });
        return new Account(
                row.id(),
                row.username(),
                row.email(),
                row.displayName(),
                row.verified(),
                roles,
                stations,
                row.createdAt());
    }

    private static final String SELECT_ACCOUNT =
            "SELECT id, username, email, display_name, verified, created_at FROM account";

    private static final String SEARCH = " WHERE (:pattern::text IS NULL OR username_key LIKE :pattern"
            + " OR email_key LIKE :pattern OR lower(display_name) LIKE :pattern)";

    private static String likePattern(String text) {
        String key = AccountKeys.username(text);
        if (key.isEmpty()) {
            return null;
        }
        return "%" + key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static AccountRow row(ResultSet rs, int n) throws SQLException {
        return new AccountRow(
                rs.getLong("id"),
                rs.getString("username"),
                rs.getString("email"),
                rs.getString("display_name"),
                rs.getBoolean("verified"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
