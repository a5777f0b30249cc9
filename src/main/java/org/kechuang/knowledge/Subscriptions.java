package org.kechuang.knowledge;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.kechuang.identity.Account;
import org.kechuang.identity.Accounts;
import org.kechuang.inbox.Inbox;
import org.kechuang.inbox.Notice;
import org.kechuang.search.SearchEngine;
import org.kechuang.search.SearchHits;
import org.kechuang.search.SearchQuery;
import org.kechuang.search.SearchSource;
import org.kechuang.search.Searcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds the new matches of the subscribed searches and announces each in its owner's inbox, once per subscription.
 * Each search runs as its owner (what they may see now, nothing else) over the records changed since its last check;
 * a record announced before is not announced again when it changes later.
 */
@Component
class Subscriptions {

    static final String KIND = "knowledge.saved-search";
    private static final Logger log = LoggerFactory.getLogger(Subscriptions.class);
    private static final int PAGE = 50;

    private final SavedSearches savedSearches;
    private final SearchEngine engine;
    private final Accounts accounts;
    private final Inbox inbox;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final KnowledgeProperties properties;
    private final Clock clock;
    private final Map<String, SearchSource> sources;

    Subscriptions(
            SavedSearches savedSearches,
            SearchEngine engine,
            Accounts accounts,
            Inbox inbox,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            KnowledgeProperties properties,
            Clock clock,
            List<SearchSource> sources) {
        this.savedSearches = savedSearches;
        this.engine = engine;
        this.accounts = accounts;
        this.inbox = inbox;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
        this.sources = sources.stream().collect(Collectors.toMap(SearchSource::type, Function.identity()));
    }

    @Scheduled(
            fixedDelayString = "${kechuang.knowledge.check-interval:5m}",
            initialDelayString = "${kechuang.knowledge.check-interval:5m}")
    void scheduled() {
        check();
    }

    /** Checks every subscribed search now. @return how many notices were delivered */
    synchronized int check() {
        Instant now = clock.instant();
        int delivered = 0;
        for (SavedSearch search : savedSearches.subscribed()) {
            try {
                delivered += check(search, now);
            } catch (RuntimeException e) {
                log.warn("Saved search {} could not be checked; it is tried again next time", search.id(), e);
            }
        }
        return delivered;
    }

    private int check(SavedSearch search, Instant now) {
        Optional<Account> owner = accounts.findById(search.ownerId()).filter(Account::verified);
        if (owner.isEmpty()) {
            return 0;
        }
        Searcher searcher = Searcher.of(owner.get().toCurrentUser());
        Instant since = search.checkedAt().minus(properties.checkOverlap());
        SearchQuery query = search.criteria().query(searcher, PAGE).changedSince(since);
        int delivered = 0;
        int seen = 0;
        for (int page = 0; seen < properties.maxPerCheck(); page++) {
            SearchHits hits = engine.search(query.atPage(page));
            for (SearchHits.Hit hit : hits.results()) {
                if (announce(search, hit, now)) {
                    delivered++;
                }
            }
            seen += hits.results().size();
            if (hits.results().size() < PAGE) {
                break;
            }
        }
        savedSearches.checked(search.id(), now);
        return delivered;
    }

    /** Delivers the notice and records the announcement together; false when it was announced before. */
    private boolean announce(SavedSearch search, SearchHits.Hit hit, Instant now) {
        Boolean announced = transactions.execute(status -> {
            boolean before = jdbc.sql("""
                            select exists (select 1 from saved_search_announcement
                            where saved_search_id = :search and record_type = :type and record_id = :id)""")
                    .param("search", search.id())
                    .param("type", hit.type())
                    .param("id", hit.id())
                    .query(Boolean.class)
                    .single();
            if (before) {
                return false;
            }
            SearchSource source = sources.get(hit.type());
            String link = source == null ? null : source.link(hit.id());
            Inbox.Delivery delivery = inbox.deliver(new Notice(
                    search.ownerId(),
                    KIND,
                    "saved-search:" + search.id() + ":" + hit.type() + ":" + hit.id(),
                    Notice.Message.of("knowledge.notice.title", search.name()),
                    Notice.Message.of("knowledge.notice.text." + hit.type(), hit.title()),
                    link,
                    now));
            return jdbc.sql("""
                                    insert into saved_search_announcement (saved_search_id, record_type, record_id,
                                        owner_id, notice_id, title, link, announced_at)
                                    values (:search, :type, :id, :owner, :notice, :title, :link, :now)
                                    on conflict do nothing""")
                            .param("search", search.id())
                            .param("type", hit.type())
                            .param("id", hit.id())
                            .param("owner", search.ownerId())
                            .param("notice", delivery.noticeId())
                            .param("title", hit.title())
                            .param("link", link)
                            .param("now", java.sql.Timestamp.from(now))
                            .update()
                    > 0;
        });
        return Boolean.TRUE.equals(announced);
    }
}
