package org.kechuang.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CombinedFieldQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.kechuang.search.analysis.ChineseTextAnalyzer;

/**
 * Turns what a user typed into a query over the text fields, by token type: every bigram of a Chinese run and every
 * whole Latin term or standard is required (in any field), a segmented word only raises the score, parts are not asked
 * for. A single Chinese character, which has no bigram, is required as a word or as the start of a bigram. Each token
 * is looked for in the title, the keywords and the body, weighted by {@link #BOOSTS}.
 */
final class TextQueries {

    /** Field weights: title > keywords > body. */
    static final Map<String, Float> BOOSTS =
            Map.of(LuceneSearchEngine.TITLE, 3f, LuceneSearchEngine.KEYWORDS, 2f, LuceneSearchEngine.BODY, 1f);

    /** How a token is scored over the fields. */
    enum Scoring {
        /** Per field BM25 with one IDF, weighted and summed ({@link AnyFieldTermQuery}): Lucene can skip. */
        PER_FIELD,
        /**
         * BM25F ({@code CombinedFieldQuery}), the scoring until 2026-12-03: scores every match (one maximum score per
         * segment); kept for the benchmark's comparison.
         */
        COMBINED
    }

    private final Analyzer analyzer;
    private final Scoring scoring;

    TextQueries(Analyzer analyzer) {
        this(analyzer, Scoring.PER_FIELD);
    }

    TextQueries(Analyzer analyzer, Scoring scoring) {
        this.analyzer = analyzer;
        this.scoring = scoring;
    }

    private record Token(String term, String type, int start, int end) {}

    Query build(String text) {
        if (text == null || text.isBlank()) {
            return new MatchAllDocsQuery();
        }
        List<Token> tokens = analyze(text);
        Set<String> required = new LinkedHashSet<>();
        Set<String> optional = new LinkedHashSet<>();
        Set<String> singleCharacters = new LinkedHashSet<>();
        for (Token token : tokens) {
            switch (token.type()) {
                case ChineseTextAnalyzer.BIGRAM, ChineseTextAnalyzer.TERM, ChineseTextAnalyzer.STANDARD ->
                    required.add(token.term());
                case ChineseTextAnalyzer.WORD -> {
                    if (token.end() - token.start() == 1 && !coveredByBigram(token, tokens)) {
                        singleCharacters.add(token.term());
                    } else {
                        optional.add(token.term());
                    }
                }
                default -> {
                    // parts are for the index: a query asks for model numbers as a whole
                }
            }
        }
        optional.removeAll(required);
        if (required.isEmpty() && singleCharacters.isEmpty()) {
            return new MatchNoDocsQuery("nothing to search for in the text");
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        required.forEach(term -> query.add(inAnyField(term, false), Occur.MUST));
        singleCharacters.forEach(term -> query.add(inAnyField(term, true), Occur.MUST));
        optional.forEach(term -> query.add(inAnyField(term, false), Occur.SHOULD));
        return query.build();
    }

    /**
     * The text as an example: each distinct word of two or more characters and each whole Latin term or standard is
     * optional, and at least {@code share} of them (rounded up) must be found; a text without such words falls back to
     * its bigrams. Results that contain more of the words, and rarer ones, score higher.
     */
    Query sharing(String text, double share) {
        if (text == null || text.isBlank()) {
            return new MatchAllDocsQuery();
        }
        List<Token> tokens = analyze(text);
        Set<String> words = new LinkedHashSet<>();
        Set<String> bigrams = new LinkedHashSet<>();
        for (Token token : tokens) {
            switch (token.type()) {
                case ChineseTextAnalyzer.TERM, ChineseTextAnalyzer.STANDARD -> words.add(token.term());
                case ChineseTextAnalyzer.WORD -> {
                    if (token.term().codePointCount(0, token.term().length()) > 1) {
                        words.add(token.term());
                    }
                }
                case ChineseTextAnalyzer.BIGRAM -> bigrams.add(token.term());
                default -> {
                    // parts are for the index
                }
            }
        }
        Set<String> optional = words.isEmpty() ? bigrams : words;
        if (optional.isEmpty()) {
            return new MatchNoDocsQuery("nothing to search for in the text");
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        optional.forEach(term -> query.add(inAnyField(term, false), Occur.SHOULD));
        query.setMinimumNumberShouldMatch(Math.max(1, (int) Math.ceil(share * optional.size())));
        return query.build();
    }

    private static boolean coveredByBigram(Token word, List<Token> tokens) {
        return tokens.stream()
                .anyMatch(t -> t.type().equals(ChineseTextAnalyzer.BIGRAM)
                        && t.start() < word.end()
                        && t.end() > word.start());
    }

    /**
     * The term in any text field, the title's score weighing three times, the keywords' twice, with one IDF for all
     * fields so that the weights are not drowned by the fields' different term statistics ({@link AnyFieldTermQuery}).
     */
    private Query inAnyField(String term, boolean orAsPrefix) {
        Query any;
        if (scoring == Scoring.COMBINED) {
            CombinedFieldQuery.Builder combined = new CombinedFieldQuery.Builder(term);
            BOOSTS.forEach(combined::addField);
            any = combined.build();
        } else {
            any = new AnyFieldTermQuery(term, BOOSTS);
        }
        if (!orAsPrefix) {
            return any;
        }
        List<Query> prefixes = new ArrayList<>();
        BOOSTS.forEach((field, boost) -> prefixes.add(new BoostQuery(new PrefixQuery(new Term(field, term)), boost)));
        return new BooleanQuery.Builder()
                .add(any, Occur.SHOULD)
                .add(new DisjunctionMaxQuery(prefixes, 0.1f), Occur.SHOULD)
                .build();
    }

    /** The segmented words and whole terms of the text as typed (its own characters, not normalized), in order. */
    List<String> words(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return analyze(text).stream()
                .filter(t -> switch (t.type()) {
                    case ChineseTextAnalyzer.WORD, ChineseTextAnalyzer.TERM, ChineseTextAnalyzer.STANDARD -> true;
                    default -> false;
                })
                .map(t -> text.substring(t.start(), t.end()))
                .distinct()
                .toList();
    }

    /** Where the text's words and whole terms start, in order: the places a completion may begin. */
    List<Integer> wordStarts(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return analyze(text).stream()
                .filter(t -> switch (t.type()) {
                    case ChineseTextAnalyzer.WORD, ChineseTextAnalyzer.TERM, ChineseTextAnalyzer.STANDARD -> true;
                    default -> false;
                })
                .map(Token::start)
                .distinct()
                .sorted()
                .toList();
    }

    private List<Token> analyze(String text) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(LuceneSearchEngine.BODY, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            TypeAttribute type = stream.addAttribute(TypeAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(new Token(term.toString(), type.type(), offset.startOffset(), offset.endOffset()));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }
}
