package org.kechuang.knowledge;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.kechuang.platform.web.DomainException;
import org.kechuang.search.SearchSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The saved searches of each user. Every read and change is scoped by the owner: another user's saved search is
 * unknown (404).
 */
@Service
class SavedSearches {

    static final int MAX_NAME = 100;
    static final int MAX_QUERY = 100;
    static final int MAX_PER_OWNER = 50;

    private static final String COLUMNS = """
            id, owner_id, name, q, type, industry, chain, region, trl, notify, digest, language, checked_at, digested_at,
            created_at, updated_at""";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Set<String> types;

    SavedSearches(JdbcClient jdbc, Clock clock, List<SearchSource> sources) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.types = sources.stream().map(SearchSource::type).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * @param notifyMe deliver new matches to the inbox
     * @param digest how often to mail them; {@link Digest#NEVER} without {@code notifyMe}
     */
    record Settings(String name, boolean notifyMe, Digest digest) {}

    @Transactional
    SavedSearch save(long ownerId, Criteria criteria, Settings settings, Locale locale) {
        check(criteria);
        String name = name(settings.name());
        long count = jdbc.sql("select count(*) from saved_search where owner_id = :owner")
                .param("owner", ownerId)
                .query(Long.class)
                .single();
        if (count >= MAX_PER_OWNER) {
            throw DomainException.conflict(null, "knowledge.saved-search.too-many", MAX_PER_OWNER);
        }
        Timestamp now = Timestamp.from(clock.instant());
        long id = jdbc.sql("""
                        insert into saved_search (owner_id, name, q, type, industry, chain, region, trl, notify, digest,
                            language, checked_at, digested_at, created_at, updated_at)
                        values (:owner, :name, :q, :type, :industry, :chain, :region, :trl, :notify, :digest,
                            :language, :now, :now, :now, :now)
                        returning id""")
                .param("owner", ownerId)
                .param("name", name)
                .param("q", criteria.q())
                .param("type", criteria.type())
                .param("industry", criteria.industry())
                .param("chain", criteria.chain())
                .param("region", criteria.region())
                .param("trl", criteria.trl())
                .param("notify", settings.notifyMe())
                .param("digest", digestOf(settings).name())
                .param("language", language(locale))
                .param("now", now)
                .query(Long.class)
                .single();
        return get(ownerId, id);
    }

    List<SavedSearch> of(long ownerId) {
        return jdbc.sql("select " + COLUMNS + " from saved_search where owner_id = :owner order by id desc")
                .param("owner", ownerId)
                .query(SavedSearches::row)
                .list();
    }

    SavedSearch get(long ownerId, long id) {
        return jdbc.sql("select " + COLUMNS + " from saved_search where id = :id and owner_id = :owner")
                .param("id", id)
                .param("owner", ownerId)
                .query(SavedSearches::row)
                .optional()
                .orElseThrow(() -> DomainException.notFound("knowledge.saved-search.not-found", id));
    }

    /** Renames it and changes its notification; the owner's language of now becomes the digest's. */
    @Transactional
    SavedSearch change(long ownerId, long id, Settings settings, Locale locale) {
        String name = name(settings.name());
        int changed = jdbc.sql("""
                        update saved_search set name = :name, notify = :notify, digest = :digest, language = :language,
                            updated_at = :now
                        where id = :id and owner_id = :owner""")
                .param("name", name)
                .param("notify", settings.notifyMe())
                .param("digest", digestOf(settings).name())
                .param("language", language(locale))
                .param("now", Timestamp.from(clock.instant()))
                .param("id", id)
                .param("owner", ownerId)
                .update();
        if (changed == 0) {
            throw DomainException.notFound("knowledge.saved-search.not-found", id);
        }
        return get(ownerId, id);
    }

    @Transactional
    void delete(long ownerId, long id) {
        int deleted = jdbc.sql("delete from saved_search where id = :id and owner_id = :owner")
                .param("id", id)
                .param("owner", ownerId)
                .update();
        if (deleted == 0) {
            throw DomainException.notFound("knowledge.saved-search.not-found", id);
        }
    }

    /** Every saved search whose new matches are delivered, oldest first. */
    List<SavedSearch> subscribed() {
        return jdbc.sql("select " + COLUMNS + " from saved_search where notify order by id")
                .query(SavedSearches::row)
                .list();
    }

    void checked(long id, Instant at) {
        jdbc.sql("update saved_search set checked_at = :at where id = :id")
                .param("at", Timestamp.from(at))
                .param("id", id)
                .update();
    }

    private static Digest digestOf(Settings settings) {
        return settings.notifyMe() && settings.digest() != null ? settings.digest() : Digest.NEVER;
    }

    private void check(Criteria criteria) {
        if (criteria.q() != null && criteria.q().length() > MAX_QUERY) {
            throw DomainException.invalid("q", "knowledge.saved-search.query-too-long", MAX_QUERY);
        }
        if (criteria.type() != null && !types.contains(criteria.type())) {
            throw DomainException.invalid("type", "knowledge.saved-search.type-unknown", criteria.type());
        }
        if (criteria.trl() != null && (criteria.trl() < 1 || criteria.trl() > 9)) {
            throw DomainException.invalid("trl", "knowledge.saved-search.trl-invalid");
        }
        if (criteria.region() != null && !criteria.region().matches("\\d{6}")) {
            throw DomainException.invalid("region", "knowledge.saved-search.region-invalid");
        }
        if (criteria.industry() != null && criteria.industry().length() > 10) {
            throw DomainException.invalid("industry", "knowledge.saved-search.industry-invalid");
        }
        if (criteria.chain() != null && criteria.chain().length() > 40) {
            throw DomainException.invalid("chain", "knowledge.saved-search.chain-invalid");
        }
    }

    private static String name(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty() || stripped.length() > MAX_NAME) {
            throw DomainException.invalid("name", "knowledge.saved-search.name-invalid", MAX_NAME);
        }
        return stripped;
    }

    static String language(Locale locale) {
        return locale != null && locale.getLanguage().equals("en") ? "en" : "zh-CN";
    }

    private static SavedSearch row(ResultSet row, int n) throws SQLException {
        return new SavedSearch(
                row.getLong("id"),
                row.getLong("owner_id"),
                row.getString("name"),
                new Criteria(
                        row.getString("q"),
                        row.getString("type"),
                        row.getString("industry"),
                        row.getString("chain"),
                        row.getString("region"),
                        (Integer) row.getObject("trl", Integer.class)),
                row.getBoolean("notify"),
                Digest.valueOf(row.getString("digest")),
                row.getString("language"),
                row.getTimestamp("checked_at").toInstant(),
                row.getTimestamp("digested_at").toInstant(),
                row.getTimestamp("created_at").toInstant(),
                row.getTimestamp("updated_at").toInstant());
    }
}
