package org.kechuang.knowledge;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.kechuang.organization.Organizations;
import org.kechuang.platform.web.DomainException;
import org.kechuang.reference.ChainNode;
import org.kechuang.reference.IndustryChain;
import org.kechuang.reference.IndustryChains;
import org.kechuang.reference.Region;
import org.kechuang.reference.Regions;
import org.kechuang.search.SearchEngine;
import org.kechuang.search.SearchQuery;
import org.kechuang.search.Searcher;
import org.kechuang.shared.PublicationStatus;
import org.kechuang.talent.Experts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Computes briefs from the published records of the libraries (read-only SQL over their tables, see ADR 0012) and the
 * search engine (word analysis for topics, achievements answering a demand for gaps). Only what everyone may see
 * counts: published records, and of demands only those that are not confidential.
 */
@Service
class Briefs {

    static final List<Integer> PERIODS = List.of(30, 90, 365);
    static final int TOPICS = 20;
    static final int ACTIVE = 10;
    /** The latest demands of the period checked for a supply gap (one search each). */
    static final int GAPS_CHECKED = 200;

    private final JdbcClient jdbc;
    private final IndustryChains chains;
    private final Regions regions;
    private final Organizations organizations;
    private final Experts experts;
    private final SearchEngine engine;
    private final StopWords stopWords;
    private final KnowledgeProperties properties;
    private final Clock clock;

    Briefs(
            JdbcClient jdbc,
            IndustryChains chains,
            Regions regions,
            Organizations organizations,
            Experts experts,
            SearchEngine engine,
            StopWords stopWords,
            KnowledgeProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.chains = chains;
        this.regions = regions;
        this.organizations = organizations;
        this.experts = experts;
        this.engine = engine;
        this.stopWords = stopWords;
        this.properties = properties;
        this.clock = clock;
    }

    /** Which records a brief covers: a chain's nodes, or a province's regions. */
    private record Scope(String kind, String code, String name, String where, Map<String, Object> params) {}

    Brief chain(String code, int periodDays, Locale locale) {
        IndustryChain chain =
                chains.find(code).orElseThrow(() -> DomainException.notFound("knowledge.brief.chain-unknown", code));
        boolean english = locale.getLanguage().equals("en");
        return brief(
                new Scope(
                        "chain",
                        chain.code(),
                        english ? chain.nameEn() : chain.name(),
                        "(chain_node_code = :code or chain_node_code like :prefix)",
                        Map.of("code", chain.code(), "prefix", chain.code() + "-%")),
                periodDays,
                english);
    }

    Brief region(String code, int periodDays, Locale locale) {
        Region province = regions.find(code)
                .filter(region -> region.level() == 1)
                .orElseThrow(() -> DomainException.notFound("knowledge.brief.region-unknown", code));
        return brief(
                new Scope(
                        "region",
                        province.code(),
                        province.name(),
                        "region_code like :prefix",
                        Map.of("prefix", province.code().substring(0, 2) + "%")),
                periodDays,
                locale.getLanguage().equals("en"));
    }

    private Brief brief(Scope scope, int periodDays, boolean english) {
        if (!PERIODS.contains(periodDays)) {
            throw DomainException.invalid("period", "knowledge.brief.period-invalid");
        }
        Instant to = clock.instant();
        Instant from = to.minus(Duration.ofDays(periodDays));
        Instant before = from.minus(Duration.ofDays(periodDays));
        List<DemandText> demands = demands(scope, from, to);
        List<DemandText> previous = demands(scope, before, from);
        long achievements = count("achievement", scope, from, to);
        List<Brief.Gap> gaps = new ArrayList<>();
        List<DemandText> checked = demands.stream().limit(GAPS_CHECKED).toList();
        for (DemandText demand : checked) {
            if (!answered(demand)) {
                gaps.add(new Brief.Gap(demand.id(), demand.title(), "/demands/" + demand.id()));
            }
        }
        return new Brief(
                scope.kind(),
                scope.code(),
                scope.name(),
                periodDays,
                from,
                to,
                demands.size(),
                achievements,
                topics(demands, previous),
                properties.gapShare(),
                checked.size(),
                gaps,
                activeOrganizations(scope, from, to),
                activeExperts(scope, from, to),
                breakdown(scope, from, to, english));
    }

    private record DemandText(long id, String title, String problems, String chainNodeCode) {

        String text() {
            return problems == null ? title : title + "\n" + problems;
        }
    }

    private static final String PUBLIC_DEMAND = "status = 'PUBLISHED' and not confidential";
    private static final String PUBLIC_ACHIEVEMENT = "status = 'PUBLISHED'";

    /** The published demands of the scope posted in [from, to), latest first. */
    private List<DemandText> demands(Scope scope, Instant from, Instant to) {
        return jdbc.sql("select id, title, technical_problems, chain_node_code from demand where " + PUBLIC_DEMAND
                        + " and " + scope.where() + " and created_at >= :from and created_at < :to"
                        + " order by created_at desc, id desc")
                .params(scope.params())
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((row, n) -> new DemandText(row.getLong(1), row.getString(2), row.getString(3), row.getString(4)))
                .list();
    }

    private long count(String library, Scope scope, Instant from, Instant to) {
        String visible = library.equals("demand") ? PUBLIC_DEMAND : PUBLIC_ACHIEVEMENT;
        return jdbc.sql("select count(*) from " + library + " where " + visible + " and " + scope.where()
                        + " and created_at >= :from and created_at < :to")
                .params(scope.params())
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query(Long.class)
                .single();
    }

    /** Words by the number of demands that use them (each demand counts a word once). */
    private List<Brief.Topic> topics(List<DemandText> demands, List<DemandText> previous) {
        Map<String, Long> now = documentFrequencies(demands);
        Map<String, Long> then = documentFrequencies(previous);
        return now.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry::getKey))
                .limit(TOPICS)
                .map(e -> new Brief.Topic(e.getKey(), e.getValue(), then.getOrDefault(e.getKey(), 0L)))
                .toList();
    }

    private Map<String, Long> documentFrequencies(List<DemandText> demands) {
        Map<String, Long> counts = new HashMap<>();
        for (DemandText demand : demands) {
            Set<String> words = new HashSet<>();
            for (String word : engine.words(demand.text())) {
                String normalized = word.strip().toLowerCase(Locale.ROOT);
                if (stopWords.isTopic(normalized)) {
                    words.add(normalized);
                }
            }
            words.forEach(word -> counts.merge(word, 1L, Long::sum));
        }
        return counts;
    }

    /** Whether some published achievement contains enough of the demand's words (see {@link Brief#gapShare()}). */
    private boolean answered(DemandText demand) {
        SearchQuery query = new SearchQuery(
                        demand.text(),
                        "achievement",
                        null,
                        null,
                        null,
                        null,
                        SearchQuery.Order.RELEVANCE,
                        Searcher.VISITOR,
                        0,
                        1)
                .sharingWords(properties.gapShare());
        return engine.search(query).total() > 0;
    }

    private List<Brief.Active> activeOrganizations(Scope scope, Instant from, Instant to) {
        List<long[]> counts = jdbc.sql("select organization_id, count(*) from ("
                        + "select organization_id from demand where " + PUBLIC_DEMAND + " and " + scope.where()
                        + " and created_at >= :from and created_at < :to and organization_id is not null"
                        + " union all select organization_id from achievement where " + PUBLIC_ACHIEVEMENT + " and "
                        + scope.where()
                        + " and created_at >= :from and created_at < :to and organization_id is not null"
                        + ") records group by organization_id order by count(*) desc, organization_id limit :limit")
                .params(scope.params())
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param("limit", ACTIVE)
                .query((row, n) -> new long[] {row.getLong(1), row.getLong(2)})
                .list();
        List<Brief.Active> active = new ArrayList<>();
        for (long[] count : counts) {
            organizations
                    .find(count[0])
                    .ifPresent(org -> active.add(
                            new Brief.Active(org.id(), org.name(), null, "/organizations/" + org.id(), count[1])));
        }
        return active;
    }

    private List<Brief.Active> activeExperts(Scope scope, Instant from, Instant to) {
        List<long[]> counts = jdbc.sql("select (inventor ->> 'expertId')::bigint as expert, count(distinct a.id)"
                        + " from achievement a cross join jsonb_array_elements(a.inventors) inventor where "
                        + PUBLIC_ACHIEVEMENT + " and " + scope.where()
                        + " and a.created_at >= :from and a.created_at < :to and inventor ->> 'expertId' is not null"
                        + " group by expert order by count(distinct a.id) desc, expert limit :limit")
                .params(scope.params())
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param("limit", ACTIVE * 2)
                .query((row, n) -> new long[] {row.getLong(1), row.getLong(2)})
                .list();
        List<Brief.Active> active = new ArrayList<>();
        for (long[] count : counts) {
            experts.summary(count[0])
                    .filter(expert -> expert.status() == PublicationStatus.PUBLISHED)
                    .filter(expert -> active.size() < ACTIVE)
                    .ifPresent(expert -> active.add(new Brief.Active(
                            expert.id(), expert.name(), expert.affiliation(), "/experts/" + expert.id(), count[1])));
        }
        return active;
    }

    /** Per node of the chain, or per chain in the province: demands and achievements of the period. */
    private List<Brief.Share> breakdown(Scope scope, Instant from, Instant to, boolean english) {
        String group = scope.kind().equals("chain") ? "chain_node_code" : "split_part(chain_node_code, '-', 1)";
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (String library : List.of("demand", "achievement")) {
            String visible = library.equals("demand") ? PUBLIC_DEMAND : PUBLIC_ACHIEVEMENT;
            jdbc.sql("select " + group + ", count(*) from " + library + " where " + visible + " and " + scope.where()
                            + " and created_at >= :from and created_at < :to and chain_node_code is not null"
                            + " group by 1")
                    .params(scope.params())
                    .param("from", Timestamp.from(from))
                    .param("to", Timestamp.from(to))
                    .query(row -> {
                        long[] count = counts.computeIfAbsent(row.getString(1), key -> new long[2]);
                        count[library.equals("demand") ? 0 : 1] = row.getLong(2);
                    });
        }
        List<Brief.Share> shares = new ArrayList<>();
        if (scope.kind().equals("chain")) {
            for (ChainNode node : chains.find(scope.code()).orElseThrow().nodes()) {
                long[] count = counts.getOrDefault(node.code(), new long[2]);
                shares.add(new Brief.Share(node.code(), english ? node.nameEn() : node.name(), count[0], count[1]));
            }
        } else {
            for (IndustryChain chain : chains.all()) {
                long[] count = counts.getOrDefault(chain.code(), new long[2]);
                shares.add(new Brief.Share(chain.code(), english ? chain.nameEn() : chain.name(), count[0], count[1]));
            }
        }
        return shares;
    }
}
