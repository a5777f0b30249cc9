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
    private final MatchingProperties properties;
    private final Map<String, org.kechuang.search.SearchSource> sources;

    Matching(
            MatchingIndex index,
            Reasons reasons,
            MatchFeedback feedback,
            MatchingProperties properties,
            List<org.kechuang.search.SearchSource> sources) {
        this.sources = sources.stream()
                .collect(java.util.stream.Collectors.toMap(
                        org.kechuang.search.SearchSource::type, java.util.function.Function.identity()));
        this.index = index;
        this.reasons = reasons;
        this.feedback = feedback;
        this.properties = properties;
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
     *     {@code declined}, {@code accepted}
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
        Map<FeedbackKey, MatchFeedback.Decision> decisions = feedback.decisionsFor(type, id);
        return rank(MatchingIndex.text(source), source, targetType, searcher, limit, decisions, locale);
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
        return rank(text, probe, targetType, searcher, limit, Map.of(), locale);
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

    private List<Result> rank(
            String text,
            SearchDocument source,
            String targetType,
            Searcher searcher,
            int limit,
            Map<FeedbackKey, MatchFeedback.Decision> decisions,
            Locale locale) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw DomainException.invalid("limit", "matching.limit", MAX_LIMIT);
        }
        List<Term> excluded = source.id() == 0 ? List.of() : List.of(MatchingIndex.key(source.type(), source.id()));
        List<Result> results = new ArrayList<>();
        for (Scored each : ranked(text, targetType, searcher, limit, excluded, decisions)) {
            SearchDocument target = each.hit().document();
            results.add(new Result(
                    target.type(),
                    target.id(),
                    target.title(),
                    Math.round(each.score() * 1000) / 1000.0,
                    link(target),
                    reasons.of(source, target, each.hit().similarity(), each.decision(), locale)));
        }
        return results;
    }

    /** The ranking alone, for the evaluation: ids of the best {@code limit} records for the text, {@code self} left out. */
    List<Long> rankedIds(String text, String targetType, Searcher searcher, int limit, long self) {
        return ranked(text, targetType, searcher, limit, List.of(MatchingIndex.key(targetType, self)), Map.of())
                .stream()
                .map(each -> each.hit().document().id())
                .toList();
    }

    private List<Scored> ranked(
            String text,
            String targetType,
            Searcher searcher,
            int limit,
            List<Term> excluded,
            Map<FeedbackKey, MatchFeedback.Decision> decisions) {
        List<Scored> scored = new ArrayList<>();
        for (MatchingIndex.Hit hit : index.candidates(
                text,
                MatchingIndex.filter(targetType, searcher, excluded),
                Math.max(POOL, limit),
                properties.feedbackDocuments(),
                properties.feedbackRounds())) {
            double score = hit.similarity() + properties.lexicalWeight() * hit.lexical();
            MatchFeedback.Decision decision = decisions.get(
                    new FeedbackKey(hit.document().type(), hit.document().id()));
            if (decision != null && decision.declined()) {
                score *= properties.declinedFactor();
            }
            scored.add(new Scored(hit, score, decision));
        }
        scored.sort(Comparator.comparingDouble(Scored::score)
                .reversed()
                .thenComparingLong(s -> s.hit().document().id()));
        return scored.subList(0, Math.min(limit, scored.size()));
    }

    private record Scored(MatchingIndex.Hit hit, double score, MatchFeedback.Decision decision) {}

    private String link(SearchDocument document) {
        org.kechuang.search.SearchSource source = sources.get(document.type());
        return source == null ? null : source.link(document.id());
    }

    /** The record as matching knows it, if the searcher may see it. */
    java.util.Optional<SearchDocument> visible(String type, long id, Searcher searcher) {
        return index.document(type, id).filter(document -> searcher.maySee(document.access()));
    }
}
