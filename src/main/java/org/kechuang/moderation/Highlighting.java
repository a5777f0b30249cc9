package org.kechuang.moderation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A field's text cut into plain and marked pieces for the operator's page, so the template can print every piece
 * escaped and wrap the marked ones in {@code <mark>}: submitted text never reaches the page as markup.
 */
final class Highlighting {

    /**
     * @param category the finding's category for a marked piece, {@code null} for plain text
     */
    record Piece(String text, String category) {}

    private Highlighting() {}

    /** The value in pieces, marking the spans of the findings in this field (overlapping spans are joined). */
    static List<Piece> pieces(String value, String field, List<Match> findings) {
        List<Match> spans = findings.stream()
                .filter(match -> match.field().equals(field))
                .filter(match -> match.start() >= 0 && match.end() <= value.length() && match.start() < match.end())
                .sorted(Comparator.comparingInt(Match::start))
                .toList();
        List<Piece> pieces = new ArrayList<>();
        int at = 0;
        int from = -1;
        int to = -1;
        String category = null;
        for (Match span : spans) {
            if (from >= 0 && span.start() <= to) {
                to = Math.max(to, span.end());
                continue;
            }
            if (from >= 0) {
                at = mark(pieces, value, at, from, to, category);
            }
            from = span.start();
            to = span.end();
            category = span.category().code();
        }
        if (from >= 0) {
            at = mark(pieces, value, at, from, to, category);
        }
        if (at < value.length()) {
            pieces.add(new Piece(value.substring(at), null));
        }
        return pieces;
    }

    private static int mark(List<Piece> pieces, String value, int at, int from, int to, String category) {
        if (at < from) {
            pieces.add(new Piece(value.substring(at, from), null));
        }
        pieces.add(new Piece(value.substring(from, to), category));
        return to;
    }
}
