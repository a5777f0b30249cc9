package org.kechuang.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.kechuang.reference.ChainNode;
import org.kechuang.reference.Industries;
import org.kechuang.reference.Industry;
import org.kechuang.reference.IndustryChains;
import org.kechuang.reference.Region;
import org.kechuang.reference.Regions;
import org.kechuang.search.SearchDocument;
import org.kechuang.shared.CooperationMode;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The reasons of one proposed pair, each computed from the two records: the concepts both texts contain (rarest
 * first), the closeness of their subjects, a common industry, chain or chain node, their regions (same city, same
 * province, provinces sharing a border), the achievement's maturity, the cooperation modes both want, the price
 * against the budget, a discipline the demand names, the counterpart's activity, deals won on similar demands, and
 * what the demand's side decided earlier. A relation that does not hold is not stated.
 */
@Component
class Reasons {

    static final int MAX_CONCEPTS = 6;

    private final MatchingIndex index;
    private final Industries industries;
    private final IndustryChains chains;
    private final Regions regions;
    private final MessageSource messages;
    private final JdbcClient jdbc;
    private final Particulars particulars;
    private volatile Set<String> borders;

    Reasons(
            MatchingIndex index,
            Industries industries,
            IndustryChains chains,
            Regions regions,
            MessageSource messages,
            JdbcClient jdbc,
            Particulars particulars) {
        this.index = index;
        this.industries = industries;
        this.chains = chains;
        this.regions = regions;
        this.messages = messages;
        this.jdbc = jdbc;
        this.particulars = particulars;
    }

    /**
     * A proposed record with what is known of the pair besides the texts.
     *
     * @param decision the demand side's accept / decline, or null
     * @param outcome the pair's own deal outcome, or null
     * @param precedent a similar demand on which the counterpart won, or null
     */
    record Pair(
            SearchDocument target,
            double similarity,
            MatchFeedback.Decision decision,
            MatchOutcomes.Recorded outcome,
            Matching.Precedent precedent) {}

    /** The reasons of each pair, in the order given. */
    List<List<Matching.Reason>> of(SearchDocument source, List<Pair> pairs, Locale locale) {
        Particulars.Known known =
                particulars.of(source, pairs.stream().map(Pair::target).toList());
        // the source's words and the words' rarity are the same for every pair: found once per answer
        String sourceText = MatchingIndex.text(source);
        Words words = new Words(sourceText, index.words(sourceText), new java.util.HashMap<>());
        List<List<Matching.Reason>> all = new ArrayList<>();
        for (Pair pair : pairs) {
            all.add(of(source, words, pair, known, locale));
        }
        return all;
    }

    /** The source's text and words, and the rarity of the words looked up so far. */
    private record Words(String text, List<String> words, java.util.Map<String, Double> idf) {}

    private List<Matching.Reason> of(
            SearchDocument source, Words words, Pair pair, Particulars.Known known, Locale locale) {
        SearchDocument target = pair.target();
        List<Matching.Reason> reasons = new ArrayList<>();
        List<String> concepts = sharedConcepts(words, MatchingIndex.text(target));
        if (!concepts.isEmpty()) {
            reasons.add(new Matching.Reason(
                    "concepts",
                    text("matching.reason.concepts", locale, String.join(separator(locale), concepts)),
                    concepts,
                    null));
        }
        if (pair.similarity() > 0) {
            String value = String.format(Locale.ROOT, "%.2f", pair.similarity());
            reasons.add(new Matching.Reason("subject", text("matching.reason.subject", locale, value), null, value));
        }
        industry(source, target, locale).ifPresent(reasons::add);
        chain(source, target, locale).ifPresent(reasons::add);
        region(source, target, locale).ifPresent(reasons::add);
        SearchDocument achievement = source.type().equals("achievement") ? source : target;
        if (achievement.type().equals("achievement") && achievement.trl() != null) {
            int trl = achievement.trl();
            String stage = trl >= 7 ? "ready" : trl >= 4 ? "pilot" : "early";
            reasons.add(new Matching.Reason(
                    "maturity", text("matching.reason.maturity." + stage, locale, trl), null, Integer.toString(trl)));
        }
        SearchDocument demand = source.type().equals("demand") ? source : target;
        SearchDocument other = demand == source ? target : source;
        if (demand.type().equals("demand") && other.type().equals("achievement")) {
            modes(known.demand(demand), known.achievement(other), locale).ifPresent(reasons::add);
            budget(known.demand(demand), known.achievement(other), locale).ifPresent(reasons::add);
        }
        if (demand.type().equals("demand")) {
            discipline(demand, other, known, locale).ifPresent(reasons::add);
        }
        activity(target, known, locale).ifPresent(reasons::add);
        if (pair.precedent() != null) {
            Matching.Precedent precedent = pair.precedent();
            String solver = source.type().equals("demand") ? target.type() : source.type();
            reasons.add(new Matching.Reason(
                    "outcomes",
                    text("matching.reason.outcomes." + solver, locale, precedent.demandTitle()),
                    null,
                    precedent.demandId() + ":" + String.format(Locale.ROOT, "%.2f", precedent.similarity())));
        }
        if (pair.outcome() != null) {
            boolean won = pair.outcome().outcome() == Matching.Outcome.WON;
            reasons.add(new Matching.Reason(
                    won ? "won" : "lost",
                    text(won ? "matching.reason.won" : "matching.reason.lost", locale),
                    null,
                    pair.outcome().reasonCode()));
        }
        MatchFeedback.Decision decision = pair.decision();
        if (decision != null) {
            if (decision.declined()) {
                reasons.add(new Matching.Reason(
                        "declined",
                        text(
                                "matching.reason.declined",
                                locale,
                                text("matching.decline." + decision.reason().name(), locale)),
                        null,
                        decision.reason().name()));
            } else {
                reasons.add(new Matching.Reason("accepted", text("matching.reason.accepted", locale), null, null));
            }
        }
        return reasons;
    }

    /** The cooperation modes the demand asks for that the achievement offers, in the enum's order. */
    private Optional<Matching.Reason> modes(
            Particulars.DemandFacts demand, Particulars.AchievementFacts achievement, Locale locale) {
        if (demand == null || achievement == null) {
            return Optional.empty();
        }
        List<CooperationMode> shared = java.util.Arrays.stream(CooperationMode.values())
                .filter(mode -> demand.modes().contains(mode.name())
                        && achievement.modes().contains(mode.name()))
                .toList();
        if (shared.isEmpty()) {
            return Optional.empty();
        }
        String names = shared.stream()
                .map(mode -> text("matching.mode." + mode.name(), locale))
                .collect(java.util.stream.Collectors.joining(separator(locale)));
        return Optional.of(new Matching.Reason(
                "modes",
                text("matching.reason.modes", locale, names),
                null,
                shared.stream().map(Enum::name).collect(java.util.stream.Collectors.joining(","))));
    }

    /**
     * The achievement's price range against the demand's budget range (万元): {@code overlaps}, {@code below} (the
     * whole price under the least budget) or {@code above} (the least price over the whole budget); only when both
     * sides state a range (an open end counts as unbounded).
     */
    static String budgetRelation(
            java.math.BigDecimal budgetMin,
            java.math.BigDecimal budgetMax,
            java.math.BigDecimal priceMin,
            java.math.BigDecimal priceMax) {
        if ((budgetMin == null && budgetMax == null) || (priceMin == null && priceMax == null)) {
            return null;
        }
        if (priceMax != null && budgetMin != null && priceMax.compareTo(budgetMin) < 0) {
            return "below";
        }
        if (priceMin != null && budgetMax != null && priceMin.compareTo(budgetMax) > 0) {
            return "above";
        }
        return "overlaps";
    }

    private Optional<Matching.Reason> budget(
            Particulars.DemandFacts demand, Particulars.AchievementFacts achievement, Locale locale) {
        if (demand == null || achievement == null) {
            return Optional.empty();
        }
        String relation =
                budgetRelation(demand.budgetMin(), demand.budgetMax(), achievement.priceMin(), achievement.priceMax());
        if (relation == null) {
            return Optional.empty();
        }
        String budget = range(demand.budgetMin(), demand.budgetMax());
        String price = range(achievement.priceMin(), achievement.priceMax());
        return Optional.of(new Matching.Reason(
                "budget",
                text("matching.reason.budget." + relation, locale, budget, price),
                null,
                relation + ";" + budget + ";" + price));
    }

    private static String range(java.math.BigDecimal min, java.math.BigDecimal max) {
        // as the libraries show a range: 10–50, ≥ 10, ≤ 50
        String low = min == null ? null : min.stripTrailingZeros().toPlainString();
        String high = max == null ? null : max.stripTrailingZeros().toPlainString();
        if (low == null) {
            return "≤ " + high;
        }
        if (high == null) {
            return "≥ " + low;
        }
        return low.equals(high) ? low : low + "–" + high;
    }

    /**
     * A discipline of the expert or achievement (its own or one enclosing it, below the NSFC departments) whose name the
     * demand's text contains.
     */
    private Optional<Matching.Reason> discipline(
            SearchDocument demand, SearchDocument other, Particulars.Known known, Locale locale) {
        List<String> codes = switch (other.type()) {
            case "expert" -> known.expertDisciplines(other.id());
            case "achievement" -> {
                Particulars.AchievementFacts facts = known.achievement(other);
                yield facts == null || facts.discipline() == null ? List.of() : List.of(facts.discipline());
            }
            default -> List.of();
        };
        String text = MatchingIndex.text(demand);
        for (String code : codes) {
            for (Particulars.DisciplineName named : particulars.disciplineAndParents(code)) {
                if (named.name().codePointCount(0, named.name().length()) >= 2 && text.contains(named.name())) {
                    String shown = english(locale) && named.nameEn() != null ? named.nameEn() : named.name();
                    return Optional.of(new Matching.Reason(
                            "discipline",
                            text("matching.reason.discipline." + other.type(), locale, shown, named.code()),
                            null,
                            named.code()));
                }
            }
        }
        return Optional.empty();
    }

    /** The proposed record's activity as its records show it: a recent change, accepted proposals, won deals, records. */
    private Optional<Matching.Reason> activity(SearchDocument target, Particulars.Known known, Locale locale) {
        Particulars.Activity activity = known.activity(target);
        List<String> parts = new ArrayList<>();
        List<String> values = new ArrayList<>();
        if (activity.updatedRecently()) {
            String day =
                    target.updatedAt().atZone(Particulars.ZONE).toLocalDate().toString();
            parts.add(text("matching.activity.updated", locale, day));
            values.add("updated=" + day);
        }
        if (activity.records() > 0) {
            parts.add(text("matching.activity.records", locale, activity.records()));
            values.add("records=" + activity.records());
        }
        if (activity.accepted() > 0) {
            parts.add(text("matching.activity.accepted", locale, activity.accepted()));
            values.add("accepted=" + activity.accepted());
        }
        if (activity.won() > 0) {
            parts.add(text("matching.activity.won", locale, activity.won()));
            values.add("won=" + activity.won());
        }
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Matching.Reason(
                "activity",
                text("matching.reason.activity", locale, String.join(separator(locale), parts)),
                null,
                String.join(";", values)));
    }

    /**
     * Whole words and terms (two characters or more) that occur in both texts as written, rarest in the index first.
     */
    List<String> sharedConcepts(String one, String other) {
        return sharedConcepts(new Words(one, index.words(one), new java.util.HashMap<>()), other);
    }

    private List<String> sharedConcepts(Words one, String other) {
        String first = one.text().toLowerCase(Locale.ROOT);
        String second = other.toLowerCase(Locale.ROOT);
        Set<String> theirs = new HashSet<>(index.words(other));
        Set<String> shared = new LinkedHashSet<>();
        for (String word : one.words()) {
            if (word.codePointCount(0, word.length()) >= 2
                    && theirs.contains(word)
                    && first.contains(word)
                    && second.contains(word)
                    && !word.chars().allMatch(Character::isDigit)) {
                shared.add(word);
            }
        }
        // each word's rarity looked up once per answer (a comparator calling the index would look it up at every
        // comparison)
        java.util.Map<String, Double> idf = one.idf();
        shared.forEach(word -> idf.computeIfAbsent(word, index::idf));
        return shared.stream()
                .sorted(Comparator.comparingDouble((String word) -> idf.get(word))
                        .reversed())
                .limit(MAX_CONCEPTS)
                .toList();
    }

    private Optional<Matching.Reason> industry(SearchDocument a, SearchDocument b, Locale locale) {
        String common = commonIndustry(a, b);
        if (common == null) {
            return Optional.empty();
        }
        String name = industries.find(common).map(i -> name(i, locale)).orElse(common);
        return Optional.of(
                new Matching.Reason("industry", text("matching.reason.industry", locale, name), null, common));
    }

    /** The most specific GB/T 4754 code that both records fall under, or null. */
    static String commonIndustry(SearchDocument a, SearchDocument b) {
        String x = a.industryCode();
        String y = b.industryCode();
        if (x != null && y != null) {
            int length = 0;
            while (length < Math.min(x.length(), y.length()) && x.charAt(length) == y.charAt(length)) {
                length++;
            }
            if (length >= 2) {
                return x.substring(0, length);
            }
        }
        if (a.industrySection() != null && a.industrySection().equals(b.industrySection())) {
            return a.industrySection();
        }
        return null;
    }

    private static String name(Industry industry, Locale locale) {
        String name =
                locale.getLanguage().equals("en") && industry.nameEn() != null ? industry.nameEn() : industry.name();
        return industry.code() + " " + name;
    }

    private Optional<Matching.Reason> chain(SearchDocument a, SearchDocument b, Locale locale) {
        if (a.chainNodeCode() == null || b.chainNodeCode() == null) {
            return Optional.empty();
        }
        if (a.chainNodeCode().equals(b.chainNodeCode())) {
            String code = a.chainNodeCode();
            String name = chains.findNode(code)
                    .map(node -> english(locale) && node.nameEn() != null ? node.nameEn() : node.name())
                    .orElse(code);
            return Optional.of(
                    new Matching.Reason("chain", text("matching.reason.chainNode", locale, name), null, code));
        }
        String chainA = chainOf(a.chainNodeCode());
        String chainB = chainOf(b.chainNodeCode());
        if (chainA != null && chainA.equals(chainB)) {
            String name = chains.find(chainA)
                    .map(chain -> english(locale) && chain.nameEn() != null ? chain.nameEn() : chain.name())
                    .orElse(chainA);
            return Optional.of(new Matching.Reason("chain", text("matching.reason.chain", locale, name), null, chainA));
        }
        return Optional.empty();
    }

    private String chainOf(String code) {
        return chains.findNode(code)
                .map(ChainNode::chainCode)
                .or(() -> chains.find(code).map(chain -> chain.code()))
                .orElse(null);
    }

    private Optional<Matching.Reason> region(SearchDocument a, SearchDocument b, Locale locale) {
        String x = a.regionCode();
        String y = b.regionCode();
        if (x == null || y == null || x.length() != 6 || y.length() != 6) {
            return Optional.empty();
        }
        String relation = regionRelation(x, y);
        if (relation == null) {
            return Optional.empty();
        }
        String code = switch (relation) {
            case "city" -> x.substring(0, 4) + "00";
            case "province" -> x.substring(0, 2) + "0000";
            default -> x.substring(0, 2) + "0000," + y.substring(0, 2) + "0000";
        };
        List<String> names = new ArrayList<>();
        for (String each : code.split(",")) {
            names.add(regions.find(each).map(Region::name).orElse(each));
        }
        return Optional.of(new Matching.Reason(
                "region", text("matching.reason.region." + relation, locale, String.join("、", names)), null, code));
    }

    /** {@code city}, {@code province}, {@code neighbour} or null, from two six-digit GB/T 2260 codes. */
    String regionRelation(String x, String y) {
        if (x.substring(0, 4).equals(y.substring(0, 4)) && !x.substring(2, 4).equals("00")) {
            return "city";
        }
        if (x.substring(0, 2).equals(y.substring(0, 2))) {
            return "province";
        }
        String p = x.substring(0, 2);
        String q = y.substring(0, 2);
        return borders().contains(p.compareTo(q) < 0 ? p + q : q + p) ? "neighbour" : null;
    }

    private Set<String> borders() {
        Set<String> known = borders;
        if (known == null) {
            known = Set.copyOf(jdbc.sql("select province_a || province_b from matching_province_border")
                    .query(String.class)
                    .list());
            borders = known;
        }
        return known;
    }

    private static boolean english(Locale locale) {
        return locale.getLanguage().equals("en");
    }

    private static String separator(Locale locale) {
        return english(locale) ? ", " : "、";
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
