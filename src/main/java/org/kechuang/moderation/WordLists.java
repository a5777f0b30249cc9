package org.kechuang.moderation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The word lists shipped in {@code src/main/resources/moderation} (see the README there): one entry a line, {@code #}
 * starts a comment. Terms are normalized exactly like the text they are matched against, so a list may be written
 * in traditional or full-width characters; a line starting with {@code re:} is a regular expression over the
 * normalized text.
 *
 * @param terms per category, normalized
 * @param patterns per category, over normalized text
 * @param benign normalized phrases inside which a term is not a finding (轮盘赌选择, 对赌协议, 皮下注射 …)
 * @param allowedHosts hosts, and their subdomains, that links may point to
 * @param shorteners hosts of link shorteners, which hide where a link goes
 */
record WordLists(
        Map<Category, List<String>> terms,
        Map<Category, List<Pattern>> patterns,
        List<String> benign,
        List<String> allowedHosts,
        List<String> shorteners) {

    private static final String FOLDER = "moderation/";
    private static final String PATTERN_PREFIX = "re:";

    static WordLists shipped() {
        Map<Category, List<String>> terms = new EnumMap<>(Category.class);
        Map<Category, List<Pattern>> patterns = new EnumMap<>(Category.class);
        for (Category category : List.of(Category.GAMBLING, Category.SPAM, Category.SENSITIVE)) {
            List<String> categoryTerms = new ArrayList<>();
            List<Pattern> categoryPatterns = new ArrayList<>();
            String file = category.code() + ".txt";
            for (String line : lines(file)) {
                if (line.startsWith(PATTERN_PREFIX)) {
                    categoryPatterns.add(compile(file, line.substring(PATTERN_PREFIX.length())));
                } else {
                    categoryTerms.add(term(file, line));
                }
            }
            terms.put(category, List.copyOf(categoryTerms));
            patterns.put(category, List.copyOf(categoryPatterns));
        }
        List<String> benign = lines("benign.txt").stream()
                .map(line -> term("benign.txt", line))
                .toList();
        return new WordLists(terms, patterns, benign, hosts("link-allowed-hosts.txt"), hosts("link-shorteners.txt"));
    }

    private static List<String> hosts(String file) {
        return lines(file).stream().map(line -> line.toLowerCase(Locale.ROOT)).toList();
    }

    static String term(String file, String line) {
        String term = ScreenedText.of(line, ScreenedText.Drop.SEPARATORS).text();
        if (term.length() < 2) {
            // a single character would hold countless legitimate texts (赌 in 对赌协议, 彩 in 彩色)
            throw new IllegalStateException("Word list " + file + ": entry too short after normalization: " + line);
        }
        return term;
    }

    private static Pattern compile(String file, String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalStateException("Word list " + file + ": invalid pattern " + regex, e);
        }
    }

    private static List<String> lines(String file) {
        InputStream in = WordLists.class.getClassLoader().getResourceAsStream(FOLDER + file);
        if (in == null) {
            throw new IllegalStateException("Word list missing from the classpath: " + FOLDER + file);
        }
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int comment = line.indexOf('#');
                String entry = (comment < 0 ? line : line.substring(0, comment)).strip();
                if (!entry.isEmpty()) {
                    lines.add(entry);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }
}
