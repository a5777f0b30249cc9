package org.kechuang.search;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.kechuang.search.analysis.PinyinInitials;

/**
 * What a title or keyword can be completed from: its normalized text (simplified, half-width, lower case) from each
 * word start, so that 焊接 completes 工业机器人焊接工作站, and the pinyin initials of the same (rgzn → 人工智能). The
 * engine indexes these keys as whole terms and asks for them by prefix.
 */
final class Completions {

    /** A key's length: enough to tell completions apart; a prefix longer than this matches nothing. */
    static final int MAX_KEY = 40;

    /** Where a few words start a completion; more would only repeat the tail of a long title. */
    private static final int MAX_STARTS = 12;

    private static final Pattern INITIALS_TYPED = Pattern.compile("[a-z0-9]+");

    private final Analyzer analyzer;
    private final TextQueries queries;

    Completions(Analyzer analyzer, TextQueries queries) {
        this.analyzer = analyzer;
        this.queries = queries;
    }

    /**
     * The keys of a text: its normalized form from each word start, and the pinyin initials from each word start that
     * is a Chinese character (read in the context of the whole text).
     */
    record Keys(Set<String> words, Set<String> initials) {}

    Keys keys(String text) {
        Set<String> words = new LinkedHashSet<>();
        Set<String> initials = new LinkedHashSet<>();
        List<Integer> starts = starts(text);
        if (starts.isEmpty()) {
            return new Keys(words, initials);
        }
        String whole = normalized(text);
        boolean aligned = whole.length() == text.length();
        String[] initialOf = PinyinInitials.perCharacter(text);
        for (int start : starts) {
            String key = aligned ? whole.substring(start) : normalized(text.substring(start));
            if (!key.isBlank()) {
                words.add(cut(key));
            }
            if (Character.UnicodeScript.of(text.charAt(start)) == Character.UnicodeScript.HAN) {
                StringBuilder letters = new StringBuilder();
                for (int i = start; i < initialOf.length && letters.length() < MAX_KEY; i++) {
                    letters.append(initialOf[i]);
                }
                if (!letters.isEmpty()) {
                    initials.add(cut(letters.toString()));
                }
            }
        }
        return new Keys(words, initials);
    }

    /** What was typed as the keys have it, or empty. */
    String typed(String text) {
        return text == null || text.isBlank() ? "" : cut(normalized(text.strip()));
    }

    /** Letters and digits only: could be pinyin initials. */
    static boolean mayBeInitials(String typed) {
        return INITIALS_TYPED.matcher(typed).matches();
    }

    /** Whether the text completes what was typed, by its words or by their initials. */
    boolean completes(String text, String typed) {
        Keys keys = keys(text);
        if (keys.words().stream().anyMatch(key -> key.startsWith(typed))) {
            return true;
        }
        return mayBeInitials(typed) && keys.initials().stream().anyMatch(key -> key.startsWith(typed));
    }

    private List<Integer> starts(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<Integer> starts = queries.wordStarts(text);
        return starts.size() > MAX_STARTS ? starts.subList(0, MAX_STARTS) : starts;
    }

    private String normalized(String text) {
        return analyzer.normalize(LuceneSearchEngine.TITLE, text).utf8ToString();
    }

    private static String cut(String key) {
        return key.length() > MAX_KEY ? key.substring(0, MAX_KEY) : key;
    }
}
