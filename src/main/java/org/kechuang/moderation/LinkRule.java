package org.kechuang.moderation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Links in submitted text: a link to a host outside the allow-list, a shortened link (which hides its target), a
 * disguised link ({@code w w w . x x . c o m}, {@code xx点com}, {@code hxxp://}) and a field crowded with links are
 * findings. A plain link to an allowed host (a university, a government office, a journal) is not.
 */
final class LinkRule {

    /** Ways of writing the dot of a host name that spammers use to get past link filters. */
    private static final String DOT = "(?:\\.|。|点|dot|\\(\\.\\)|\\[\\.\\]|\\(点\\)|\\[点\\]|【点】|【\\.】)";

    private static final String LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
    private static final String HOST = LABEL + "(?:" + DOT + LABEL + ")+";

    /**
     * Top-level domains a host written without scheme or {@code www} is recognized by. Deliberately not {@code net},
     * {@code org}, {@code io}, {@code js} or {@code gd}: "ASP.NET", "Node.js", "Socket.IO" and "Eu.Gd" are technical
     * names, not links.
     */
    private static final String BARE_TLDS =
            "com|cn|cc|vip|top|xyz|bet|win|club|site|online|shop|live|fun|icu|me|tv|info|biz|ly|gl|im|asia|pw|ws";

    private static final Pattern LINK = Pattern.compile("(?<scheme>(?:https?|hxxps?)(?::)?//?)(?<host1>" + HOST + ")"
            + "|(?<![a-z0-9])(?<host2>www" + DOT + HOST + ")"
            + "|(?<![a-z0-9@._-])(?<host3>" + LABEL + "(?:" + DOT + LABEL + ")*" + DOT + "(?:" + BARE_TLDS
            + "))(?![a-z0-9])");

    private static final Pattern ANY_DOT = Pattern.compile(DOT);

    private final List<String> allowedHosts;
    private final List<String> shorteners;
    private final int maxLinks;

    LinkRule(List<String> allowedHosts, List<String> shorteners, int maxLinks) {
        this.allowedHosts = List.copyOf(allowedHosts);
        this.shorteners = List.copyOf(shorteners);
        this.maxLinks = maxLinks;
    }

    List<Match> screen(String field, String value) {
        ScreenedText joined = ScreenedText.of(value, ScreenedText.Drop.INVISIBLE);
        List<Match> findings = new ArrayList<>();
        // the blanks put back between words cannot make a host where the joined text has none
        if (!mayHoldHost(joined.text())) {
            return findings;
        }
        ScreenedText text = joined.withWordBreaks();
        Matcher matcher = LINK.matcher(text.text());
        Map<String, String> links = new LinkedHashMap<>();
        int first = -1;
        int last = -1;
        while (matcher.find()) {
            String written = hostAsWritten(matcher);
            String host = ANY_DOT.matcher(written).replaceAll(".");
            String scheme = matcher.group("scheme");
            boolean disguised = !written.equals(host)
                    || (scheme != null && scheme.startsWith("hxxp"))
                    || text.hadGapsInside(matcher.start(), matcher.end());
            String reason = disguised
                    ? "disguised link"
                    : isShortener(host) ? "shortened link" : isAllowed(host) ? null : "host not allowed: " + host;
            String original = text.original(matcher.start(), matcher.end());
            if (reason != null) {
                findings.add(new Match(
                        field,
                        Category.LINK,
                        text.originalStart(matcher.start()),
                        text.originalEnd(matcher.end()),
                        original,
                        List.of(reason)));
            }
            if (links.putIfAbsent(host, original) == null) {
                first = first < 0 ? text.originalStart(matcher.start()) : first;
                last = text.originalEnd(matcher.end());
            }
        }
        if (links.size() > maxLinks) {
            findings.add(new Match(
                    field,
                    Category.LINK,
                    first,
                    last,
                    String.join(" ", links.values()),
                    List.of(links.size() + " links in one field, more than " + maxLinks)));
        }
        return findings;
    }

    /** Dot forms of {@link #DOT}: every host the pattern finds has a letter or digit, one of them, a letter or digit. */
    private static final List<String> DOTS = List.of(".", "。", "点", "dot", "(.)", "[.]", "(点)", "[点]", "【点】", "【.】");

    /**
     * A quick test before the pattern: whether the text has a letter or digit, a dot form and a letter or digit in a
     * row, which every match of {@link #LINK} contains (most texts have none, and the pattern is costly).
     */
    static boolean mayHoldHost(String text) {
        for (int at = 0; at + 2 < text.length(); at++) {
            if (!isLabelCharacter(text.charAt(at)) || !mayStartDot(text.charAt(at + 1))) {
                continue;
            }
            for (String dot : DOTS) {
                int after = at + 1 + dot.length();
                if (after < text.length() && text.startsWith(dot, at + 1) && isLabelCharacter(text.charAt(after))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether a dot form of {@link #DOTS} can start with the character. */
    private static boolean mayStartDot(char c) {
        return c == '.' || c == '。' || c == '点' || c == 'd' || c == '(' || c == '[' || c == '【';
    }

    private static boolean isLabelCharacter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    private static String hostAsWritten(Matcher matcher) {
        for (String group : List.of("host1", "host2", "host3")) {
            if (matcher.group(group) != null) {
                return matcher.group(group);
            }
        }
        throw new IllegalStateException("link pattern matched without a host");
    }

    private boolean isShortener(String host) {
        return matchesAny(host, shorteners);
    }

    private boolean isAllowed(String host) {
        return matchesAny(host, allowedHosts);
    }

    private static boolean matchesAny(String host, List<String> hosts) {
        for (String candidate : hosts) {
            if (host.equals(candidate) || host.endsWith("." + candidate)) {
                return true;
            }
        }
        return false;
    }
}
