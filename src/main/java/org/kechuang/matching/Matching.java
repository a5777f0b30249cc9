package org.kechuang.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.kechuang.platform.web.DomainException;
import org.kechuang.search.SearchDocument;
import org.kechuang.search.Searcher;
import org.springframework.stereotype.Service;

/**
 * Proposes, for a demand, the achievements, experts and organizations most likely to solve it, and for an achievement
 * or expert the demands it could serve, each with the reasons that hold for that pair. Ranking: the learnt vectors
 * ({@link LatentSpace}, refined by the closest records), plus a little BM25; pairs the demand's side declined sink.
 * Only records the asker may see are proposed, and only for a record they may see.
 */
@Service
public class Matching {

    static final Set<String> TYPES = Set.of("demand", "achievement", "expert", "organization");
    static final Set<String> DEMAND_TARGETS = Set.of("achievement", "expert", "organization");
    static final int MAX_LIMIT = 50;
    /** Candidates scored per request, above the limit: room for the feedback to reorder. */
    private static final int POOL = 50;

    private final MatchingIndex index;
    private final Reasons reasons;
    private final MatchFeedback feedback;
    private final MatchOutcomes outcomes;
    private final MatchingProperties properties;
    private final Map<String, org.kechuang.search.SearchSource> sources;

    Matching(
            MatchingIndex index,
            Reasons reasons,
            MatchFeedback feedback,
            MatchOutcomes outcomes,
            MatchingProperties properties,
            List<org.kechuang.search.SearchSource> sources) {
        this.sources = sources.stream()
                .collect(java.util.stream.Collectors.toMap(
                        org.kechuang.search.SearchSource::type, java.util.function.Function.identity()));
        this.index = index;
        this.reasons = reasons;
        this.feedback = feedback;
        this.outcomes = outcomes;
        this.properties = properties;
    }

    /** How a deal on a proposed pair ended. */
    public enum Outcome {
        WON,
        LOST
    }

    /**
     * Records how the deal between a demand and a proposed counterpart ended, as brokerage reports it; the latest
     * outcome of a pair counts (recording the same again changes nothing). A counterpart that won rises for demands
     * similar to this one (reason {@code outcomes}); a lost pair sinks for this demand, as a declined one.
     *
     * @param targetType {@code achievement}, {@code expert} or {@code organization}
     * @param reasonCode brokerage's code for why it ended so, optional, at most 100 characters
     */
    public void recordOutcome(long demandId, String targetType, long targetId, Outcome outcome, String reasonCode) {
        outcomes.record(demandId, targetType, targetId, outcome, reasonCode);
    }

    /**
     * A proposed record.
     *
     * @param score the ranking score: similarity of the learnt vectors plus the weighted BM25 share, lowered for a
     *     declined pair
     * @param link the record's page
     */
    public record Result(String type, long id, String title, double score, String link, List<Reason> reasons) {}

    /**
     * Why a record was proposed.
     *
     * @param code {@code concepts}, {@code subject}, {@code industry}, {@code chain}, {@code region}, {@code maturity},
     *     {@code modes}, {@code budget}, {@code discipline}, {@code activity}, {@code outcomes}, {@code won},
     *     {@code lost}, {@code declined}, {@code accepted}
     * @param text the reason in the asker's language
     * @param terms the shared concepts, for {@code concepts}
     * @param value the relation's detail: the common code, the similarity, the TRL, the decline reason
     */
    public record Reason(String code, String text, List<String> terms, String value) {}

    /** Matches for a stored record the searcher may see. */
    public List<Result> forRecord(String type, long id, String target, Searcher searcher, int limit, Locale locale) {
        String targetType = target(type, target);
        SearchDocument source = index.document(type, id)
                .filter(document -> searcher.maySee(document.access()))
                .orElseThrow(() -> DomainException.notFound("matching.record.unknown", type, id));
        Signals signals = new Signals(
                feedback.decisionsFor(type, id), outcomes.of(type, id), precedents(source, targetType, searcher));
        return rank(MatchingIndex.text(source), source, targetType, searcher, limit, signals, locale);
    }

    /** What the platform would propose for a text not yet saved (a demand being written). */
    public List<Result> forText(String text, String target, Searcher searcher, int limit, Locale locale) {
        if (text == null || text.isBlank()) {
            throw DomainException.invalid("text", "matching.text.required");
        }
        if (text.length() > 20_000) {
            throw DomainException.invalid("text", "matching.text.long");
        }
        String targetType = target("demand", target);
        SearchDocument probe = new SearchDocument(
                "demand",
                0,
                text,
                List.of(),
                "",
                null,
                null,
                null,
                null,
                null,
                null,
                new org.kechuang.search.Access(false, false, null, Set.of()),
                java.time.Instant.EPOCH);
        return rank(
                text,
                probe,
                targetType,
                searcher,
                limit,
                new Signals(Map.of(), Map.of(), precedents(probe, targetType, searcher)),
                locale);
    }

    private static String target(String type, String target) {
        if (type.equals("demand")) {
            String chosen = target == null || target.isBlank() ? "achievement" : target;
            if (!DEMAND_TARGETS.contains(chosen)) {
                throw DomainException.invalid("target", "matching.target.unknown", chosen);
            }
            return chosen;
        }
        if (target != null && !target.isBlank() && !target.equals("demand")) {
            throw DomainException.invalid("target", "matching.target.unknown", target);
        }
        return "demand";
    }

    record FeedbackKey(String type, long id) {}

    /**
     * A demand similar to the one asked about on which the counterpart won a deal (or, asked from the counterpart's
     * side, a demand it won on to which the proposed demand is similar).
     *
     * @param similarity of the two demands in the learnt space
     */
    record Precedent(long demandId, String demandTitle, double similarity) {}

    /** What is known of the asked record's pairs besides their texts: decisions, outcomes, precedents of the other side. */
    record Signals(
            Map<FeedbackKey, MatchFeedback.Decision> decisions,
            Map<FeedbackKey, MatchOutcomes.Recorded> outcomes,
            Map<FeedbackKey, Precedent> precedents) {

        static final Signals NONE = new Signals(Map.of(), Map.of(), Map.of());
    }

    /**
     * The counterparts that won on demands similar to the source (the source's nearest visible demands in the learnt
     * space, at least {@code outcomeSimilarity} close); asked from an achievement or expert, the demands similar to
     * those it won on.
     */
    private Map<FeedbackKey, Precedent> precedents(SearchDocument source, String targetType, Searcher searcher) {
        Map<FeedbackKey, Precedent> precedents = new java.util.HashMap<>();
        int k = properties.outcomeNeighbours();
        if (source.type().equals("demand")) {
            List<Term> self = source.id() == 0 ? List.of() : List.of(MatchingIndex.key("demand", source.id()));
            Map<Long, MatchingIndex.Neighbour> similar = new java.util.HashMap<>();
            for (MatchingIndex.Neighbour each :
                    index.nearest(index.vectorOf(source), MatchingIndex.filter("demand", searcher, self), k)) {
                if (each.similarity() >= properties.outcomeSimilarity()) {
                    similar.put(each.document().id(), each);
                }
            }
            for (MatchOutcomes.Recorded won : outcomes.wonOn(similar.keySet(), targetType)) {
                MatchingIndex.Neighbour demand = similar.get(won.demandId());
                precedents.merge(
                        new FeedbackKey(targetType, won.targetId()),
                        new Precedent(demand.document().id(), demand.document().title(), demand.similarity()),
                        (a, b) -> a.similarity() >= b.similarity() ? a : b);
            }
        } else if (source.id() != 0 && targetType.equals("demand")) {
            for (long wonOn : outcomes.wonBy(source.type(), source.id(), k)) {
                SearchDocument solved = visible("demand", wonOn, searcher).orElse(null);
                if (solved == null) {
                    continue;
                }
                List<Term> skip = List.of(MatchingIndex.key("demand", wonOn));
                for (MatchingIndex.Neighbour each :
                        index.nearest(index.vectorOf(solved), MatchingIndex.filter("demand", searcher, skip), k)) {
                    if (each.similarity() >= properties.outcomeSimilarity()) {
                        precedents.merge(
                                new FeedbackKey("demand", each.document().id()),
                                new Precedent(solved.id(), solved.title(), each.similarity()),
                                (a, b) -> a.similarity() >= b.similarity() ? a : b);
                    }
                }
            }
        }
        return precedents;
    }

    private List<Result> rank(
            String text,
            SearchDocument source,
            String targetType,
            Searcher searcher,
            int limit,
            Signals signals,
            Locale locale) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw DomainException.invalid("limit", "matching.limit", MAX_LIMIT);
        }
        List<Term> excluded = source.id() == 0 ? List.of() : List.of(MatchingIndex.key(source.type(), source.id()));
        List<Scored> ranked = ranked(text, source, targetType, searcher, limit, excluded, signals);
        List<Result> results = new ArrayList<>();
        List<Reasons.Pair> pairs = ranked.stream()
                .map(each -> {
                    FeedbackKey key = new FeedbackKey(
                            each.hit().document().type(), each.hit().document().id());
                    return new Reasons.Pair(
                            each.hit().document(),
                            each.hit().similarity(),
                            signals.decisions().get(key),
                            signals.outcomes().get(key),
                            signals.precedents().get(key));
                })
                .toList();
        List<List<Reason>> explained = reasons.of(source, pairs, locale);
        for (int i = 0; i < ranked.size(); i++) {
            SearchDocument target = ranked.get(i).hit().document();
            results.add(new Result(
                    target.type(),
                    target.id(),
                    target.title(),
                    Math.round(ranked.get(i).score() * 1000) / 1000.0,
                    link(target),
                    explained.get(i)));
        }
        return results;
    }

    /** The ranking alone, for the evaluation: ids of the best {@code limit} records for the text, {@code self} left out. */
    List<Long> rankedIds(String text, String targetType, Searcher searcher, int limit, long self) {
        return ranked(
                        text,
                        null,
                        targetType,
                        searcher,
                        limit,
                        List.of(MatchingIndex.key(targetType, self)),
                        Signals.NONE)
                .stream()
                .map(each -> each.hit().document().id())
                .toList();
    }

    private List<Scored> ranked(
            String text,
            SearchDocument source,
            String targetType,
            Searcher searcher,
            int limit,
            List<Term> excluded,
            Signals signals) {
        List<Scored> scored = new ArrayList<>();
        org.apache.lucene.search.Query filter = MatchingIndex.filter(targetType, searcher, excluded);
        List<MatchingIndex.Hit> hits = new ArrayList<>(index.candidates(
                text,
                filter,
                Math.max(POOL, limit),
                properties.feedbackDocuments(),
                properties.feedbackRounds(),
                properties.neighbourCount(),
                properties.neighbourWeight(),
                new MatchingIndex.QueryWeighting(properties.queryTermDirections(), properties.queryIdfPower())));
        if (!signals.precedents().isEmpty()) {
            // a counterpart that won on a similar demand is a candidate even when its text alone did not make the pool
            Set<FeedbackKey> pooled = new java.util.HashSet<>();
            hits.forEach(hit -> pooled.add(
                    new FeedbackKey(hit.document().type(), hit.document().id())));
            float[] vector = source == null ? null : index.vectorOf(source);
            for (FeedbackKey key : signals.precedents().keySet()) {
                if (!pooled.contains(key)) {
                    index.hit(key.type(), key.id(), filter, vector).ifPresent(hits::add);
                }
            }
        }
        for (MatchingIndex.Hit hit : hits) {
            FeedbackKey key =
                    new FeedbackKey(hit.document().type(), hit.document().id());
            double score = hit.similarity() + hit.support() + properties.lexicalWeight() * hit.lexical();
            Precedent precedent = signals.precedents().get(key);
            if (precedent != null) {
                score += properties.outcomeWeight() * precedent.similarity();
            }
            MatchFeedback.Decision decision = signals.decisions().get(key);
            MatchOutcomes.Recorded outcome = signals.outcomes().get(key);
            if ((decision != null && decision.declined()) || (outcome != null && outcome.outcome() == Outcome.LOST)) {
                score *= properties.declinedFactor();
            }
            scored.add(new Scored(hit, score));
        }
        scored.sort(Comparator.comparingDouble(Scored::score)
                .reversed()
                .thenComparingLong(s -> s.hit().document().id()));
        return scored.subList(0, Math.min(limit, scored.size()));
    }

    private record Scored(MatchingIndex.Hit hit, double score) {}

    private String link(SearchDocument document) {
        org.kechuang.search.SearchSource source = sources.get(document.type());
        return source == null ? null : source.link(document.id());
    }

    /** The record as matching knows it, if the searcher may see it. */
    java.util.Optional<SearchDocument> visible(String type, long id, Searcher searcher) {
        return index.document(type, id).filter(document -> searcher.maySee(document.access()));
    }
}
