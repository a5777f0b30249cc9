package org.kechuang.moderation;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The deterministic part of the content screen: finds list terms, patterns and suspicious links in each field. No
 * scoring and no learning: every finding names the list entry or rule behind it, so an operator (and an author) can
 * see why a text was held.
 */
final class WordListScreen {

    /** More links than this in one field reads as link spam even when every host is allowed. */
    static final int MAX_LINKS_PER_FIELD = 3;

    private final WordLists lists;
    private final LinkRule links;
    private final Terms benignByFirst;
    private final Map<Category, Terms> termsByFirst;
    private final Map<Category, List<Rule>> patterns;

    WordListScreen(WordLists lists) {
        this.lists = lists;
        this.links = new LinkRule(lists.allowedHosts(), lists.shorteners(), MAX_LINKS_PER_FIELD);
        this.benignByFirst = byFirstCharacter(lists.benign());
        this.termsByFirst = new HashMap<>();
        lists.terms().forEach((category, terms) -> termsByFirst.put(category, byFirstCharacter(terms)));
        this.patterns = new HashMap<>();
        lists.patterns()
                .forEach((category, list) ->
                        patterns.put(category, list.stream().map(Rule::of).toList()));
    }

    /** Every finding in the fields, in field order and then by position. */
    List<Match> screen(Map<String, String> fields) {
        List<Match> matches = new ArrayList<>();
        fields.forEach((field, value) -> {
            if (field != null && value != null && !value.isBlank()) {
                matches.addAll(screen(field, value));
            }
        });
        return matches;
    }

    List<Match> screen(String field, String value) {
        ScreenedText text = ScreenedText.of(value, ScreenedText.Drop.SEPARATORS);
        List<Span> benign = occurrences(text, benignByFirst);
        List<Match> matches = new ArrayList<>();
        for (Category category : lists.terms().keySet()) {
            List<Span> spans = new ArrayList<>();
            for (Span span : occurrences(text, termsByFirst.get(category))) {
                if (standsAlone(text, span) && !inside(span, benign)) {
                    spans.add(span);
                }
            }
            for (Rule rule : patterns.get(category)) {
                for (int[] found : rule.find(text.text())) {
                    Span span = new Span(found[0], found[1], "re:" + rule.source());
                    if (span.end() > span.start() && standsAlone(text, span) && !inside(span, benign)) {
                        spans.add(span);
                    }
                }
            }
            matches.addAll(merged(field, category, text, spans));
        }
        matches.addAll(links.screen(field, value));
        matches.sort(Comparator.comparingInt(Match::start).thenComparing(Match::category));
        return matches;
    }

    /** Terms by their first character, with those characters as bits: most characters of a text start no term. */
    private record Terms(BitSet firsts, Map<Character, List<String>> byFirst) {}

    /** The terms by their first character: one pass over a text finds every occurrence of every term. */
    private static Terms byFirstCharacter(List<String> terms) {
        Map<Character, List<String>> index = new HashMap<>();
        BitSet firsts = new BitSet();
        for (String term : terms) {
            index.computeIfAbsent(term.charAt(0), first -> new ArrayList<>()).add(term);
            firsts.set(term.charAt(0));
        }
        return new Terms(firsts, index);
    }

    /** Every occurrence of every term (overlapping ones too), by position. */
    private static List<Span> occurrences(ScreenedText text, Terms terms) {
        List<Span> spans = new ArrayList<>();
        String normalized = text.text();
        for (int at = 0; at < normalized.length(); at++) {
            char c = normalized.charAt(at);
            if (!terms.firsts().get(c)) {
                continue;
            }
            List<String> candidates = terms.byFirst().get(c);
            if (candidates == null) {
                continue;
            }
            for (String term : candidates) {
                if (normalized.startsWith(term, at)) {
                    spans.add(new Span(at, at + term.length(), term));
                }
            }
        }
        return spans;
    }

    /**
     * A term or pattern match that begins or ends with a Latin letter or digit must not be glued to a neighbouring
     * word: "topic as in our" reads "topicasinour" once blanks are gone, which is not "casino", and "WX2000 weather"
     * is a model number, not a WeChat id. Letters spaced out to evade the list (c a s i n o) still match, because a
     * dropped separator counts as a word boundary.
     */
    private static boolean standsAlone(ScreenedText text, Span span) {
        String normalized = text.text();
        boolean startOk = span.start() == 0
                || !isLatin(normalized.charAt(span.start()))
                || !isLatin(normalized.charAt(span.start() - 1))
                || text.gapBefore(span.start());
        boolean endOk = span.end() == normalized.length()
                || !isLatin(normalized.charAt(span.end() - 1))
                || !isLatin(normalized.charAt(span.end()))
                || text.gapBefore(span.end());
        return startOk && endOk;
    }

    private static boolean isLatin(char c) {
        return ScreenedText.isWordCharacter(c);
    }

    private static boolean inside(Span span, List<Span> benign) {
        for (Span phrase : benign) {
            if (phrase.start() <= span.start() && span.end() <= phrase.end()) {
                return true;
            }
        }
        return false;
    }

    /** Overlapping or touching spans of one category become one finding: 星空体育官网入口网站, not four. */
    private static List<Match> merged(String field, Category category, ScreenedText text, List<Span> spans) {
        List<Match> matches = new ArrayList<>();
        spans.sort(Comparator.comparingInt(Span::start).thenComparingInt(Span::end));
        int from = -1;
        int to = -1;
        List<String> rules = new ArrayList<>();
        for (Span span : spans) {
            if (from >= 0 && span.start() <= to) {
                to = Math.max(to, span.end());
                if (!rules.contains(span.rule())) {
                    rules.add(span.rule());
                }
                continue;
            }
            if (from >= 0) {
                matches.add(match(field, category, text, from, to, rules));
            }
            from = span.start();
            to = span.end();
            rules = new ArrayList<>(List.of(span.rule()));
        }
        if (from >= 0) {
            matches.add(match(field, category, text, from, to, rules));
        }
        return matches;
    }

    private static Match match(
            String field, Category category, ScreenedText text, int from, int to, List<String> rules) {
        return new Match(
                field, category, text.originalStart(from), text.originalEnd(to), text.original(from, to), rules);
    }

    private record Span(int start, int end, String rule) {}

    /**
     * A list pattern as written ({@code source}, which findings name). A pattern that opens with a group of plain
     * alternatives ({@code (?:qq|扣扣|企鹅)…}) can only match where one of their first characters stands: it is tried
     * only there ({@code firsts}), instead of trying every alternative at every position of the text; the matches are
     * the ones {@link Matcher#find()} finds.
     */
    record Rule(Pattern pattern, String source, BitSet firsts) {

        private static final Pattern LEADING_ALTERNATIVES =
                Pattern.compile("^\\(\\?:([^\\\\\\[\\](){}.*+?^$|]+(?:\\|[^\\\\\\[\\](){}.*+?^$|]+)*)\\)(?![?*{])");

        static Rule of(Pattern written) {
            String source = written.pattern();
            Matcher leading = LEADING_ALTERNATIVES.matcher(source);
            if (!leading.find() || written.flags() != 0) {
                return new Rule(written, source, null);
            }
            BitSet firsts = new BitSet();
            for (String alternative : leading.group(1).split("\\|")) {
                char first = alternative.charAt(0);
                if (Character.isSurrogate(first)) {
                    return new Rule(written, source, null);
                }
                firsts.set(first);
            }
            return new Rule(written, source, firsts);
        }

        /** Start and end of each match, as successive {@link Matcher#find()} calls give them. */
        List<int[]> find(String text) {
            List<int[]> found = new ArrayList<>();
            Matcher matcher = pattern.matcher(text);
            if (firsts == null) {
                while (matcher.find()) {
                    found.add(new int[] {matcher.start(), matcher.end()});
                }
                return found;
            }
            matcher.useTransparentBounds(true).useAnchoringBounds(false);
            int at = 0;
            while (at < text.length()) {
                if (firsts.get(text.charAt(at))
                        && matcher.region(at, text.length()).lookingAt()) {
                    found.add(new int[] {matcher.start(), matcher.end()});
                    at = matcher.end() > at ? matcher.end() : at + 1;
                } else {
                    at++;
                }
            }
            return found;
        }
    }
}
