package org.kechuang.search.analysis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.WordType;
import org.apache.lucene.analysis.cn.smart.hhmm.HHMMSegmenter;
import org.apache.lucene.analysis.cn.smart.hhmm.SegToken;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Cuts normalized Chinese technical text into tokens. Runs of Chinese characters are segmented into words by smartcn
 * and also cut into overlapping character bigrams (stacked on the words' positions), so that a term missing from the
 * dictionary still matches by its bigrams. Everything else is cut into whole terms: Latin words, numbers and model
 * numbers keep their inner {@code . / - _} ({@code LiFePO4}, {@code 5G}, {@code ZL201910123456.X}, {@code TCP/IP}), and a
 * standard's code and number become one term ({@code GB/T 4754} → {@code GB/T4754}). The alphanumeric parts of such a
 * term (two characters or more) follow it at the same position, typed {@link #PART}: an index finds
 * {@code ZL201910123456.X} by {@code 201910123456}, while a query built from the whole terms only still asks for the
 * model number as a whole.
 */
final class TechnicalTextTokenizer extends Tokenizer {

    /** A word of the segmenter's dictionary or a single character it could not join. */
    static final String WORD = "<WORD>";
    /** Two adjacent Chinese characters. */
    static final String BIGRAM = "<BIGRAM>";
    /** A Latin word, number or model number, kept whole. */
    static final String TERM = "<TERM>";
    /** A standard's code and number, e.g. {@code GB/T4754}. */
    static final String STANDARD = "<STANDARD>";
    /** A part of a {@link #TERM} or {@link #STANDARD}, for indexing only. */
    static final String PART = "<PART>";

    private static final String ALNUM = "[\\p{L}\\p{N}&&[^\\p{IsHan}]]";
    /** An uppercase code with a slash (GB/T, JB/T, T/CES, ISO/IEC) or a well-known one, a blank, and a number. */
    private static final Pattern STANDARD_NUMBER = Pattern.compile(
            "(?<code>[A-Z]{1,5}/[A-Z]{1,5}|GB|ISO|IEC|IEEE|EN|ASTM|DIN|JIS|ANSI|UL|HJ|YY|JJG)[ \\t]?(?<number>\\d+(?:\\.\\d+)*)"
                    + "(?!" + ALNUM + ")");

    private static final Pattern TERM_PATTERN = Pattern.compile(ALNUM + "+(?:[./\\-_]" + ALNUM + "+)*");
    private static final Pattern PART_PATTERN = Pattern.compile("\\p{L}+|\\p{N}+");
    private static final Set<Integer> SEGMENT_MARKERS = Set.of(WordType.SENTENCE_BEGIN, WordType.SENTENCE_END);

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private final TypeAttribute type = addAttribute(TypeAttribute.class);
    private final HHMMSegmenter segmenter = new HHMMSegmenter();

    private record Token(String text, int start, int end, String type, int increment) {}

    private final List<Token> tokens = new ArrayList<>();
    private int next;
    private int length;

    @Override
    public boolean incrementToken() {
        if (next >= tokens.size()) {
            return false;
        }
        clearAttributes();
        Token token = tokens.get(next++);
        term.setEmpty().append(token.text());
        offset.setOffset(correctOffset(token.start()), correctOffset(token.end()));
        increment.setPositionIncrement(token.increment());
        type.setType(token.type());
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        String text = readAll();
        length = text.length();
        tokens.clear();
        next = 0;
        cut(text);
    }

    @Override
    public void end() throws IOException {
        super.end();
        int last = correctOffset(length);
        offset.setOffset(last, last);
    }

    private void cut(String text) {
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (NormalizingCharFilter.isHan(c)) {
                int end = i;
                while (end < text.length() && NormalizingCharFilter.isHan(text.charAt(end))) {
                    end++;
                }
                chinese(text.substring(i, end), i);
                i = end;
            } else if (isLatin(c)) {
                i = latin(text, i);
            } else {
                i++;
            }
        }
    }

    /** Words from smartcn, each followed by the bigrams starting inside it. */
    private void chinese(String run, int base) {
        List<SegToken> words = new ArrayList<>();
        for (SegToken word : segmenter.process(run)) {
            if (!SEGMENT_MARKERS.contains(word.wordType)) {
                words.add(word);
            }
        }
        words.sort((a, b) -> Integer.compare(a.startOffset, b.startOffset));
        int w = 0;
        for (int i = 0; i < run.length(); i++) {
            if (w < words.size() && words.get(w).startOffset == i) {
                SegToken word = words.get(w++);
                tokens.add(new Token(
                        run.substring(word.startOffset, word.endOffset),
                        base + word.startOffset,
                        base + word.endOffset,
                        WORD,
                        1));
            }
            if (i + 1 < run.length()) {
                tokens.add(
                        new Token(run.substring(i, i + 2), base + i, base + i + 2, BIGRAM, tokens.isEmpty() ? 1 : 0));
            }
        }
    }

    /** A standard number or a whole term starting at {@code start}, then its parts; returns where it ended. */
    private int latin(String text, int start) {
        Matcher standard = STANDARD_NUMBER.matcher(text).region(start, text.length());
        if (standard.lookingAt() && (start == 0 || !isLatin(text.charAt(start - 1)))) {
            String code = standard.group("code");
            String number = standard.group("number");
            tokens.add(new Token(code + number, start, standard.end(), STANDARD, 1));
            parts(code, standard.start("code"));
            parts(number, standard.start("number"));
            return standard.end();
        }
        Matcher whole = TERM_PATTERN.matcher(text).region(start, text.length());
        if (!whole.lookingAt()) {
            return start + 1;
        }
        String found = whole.group();
        tokens.add(new Token(found, start, whole.end(), TERM, 1));
        Matcher part = PART_PATTERN.matcher(found);
        List<int[]> spans = new ArrayList<>();
        while (part.find()) {
            if (part.end() - part.start() >= 2 && part.end() - part.start() < found.length()) {
                spans.add(new int[] {part.start(), part.end()});
            }
        }
        for (int[] span : spans) {
            tokens.add(new Token(found.substring(span[0], span[1]), start + span[0], start + span[1], PART, 0));
        }
        return whole.end();
    }

    private void parts(String piece, int pieceStart) {
        Matcher part = PART_PATTERN.matcher(piece);
        while (part.find()) {
            if (part.end() - part.start() >= 2) {
                tokens.add(new Token(part.group(), pieceStart + part.start(), pieceStart + part.end(), PART, 0));
            }
        }
    }

    private static boolean isLatin(char c) {
        return Character.isLetterOrDigit(c) && !NormalizingCharFilter.isHan(c);
    }

    private String readAll() throws IOException {
        StringBuilder text = new StringBuilder();
        char[] chunk = new char[4096];
        for (int n; (n = input.read(chunk)) != -1; ) {
            text.append(chunk, 0, n);
        }
        return text.toString();
    }
}
