package org.kechuang.search;

import java.util.Arrays;
import java.util.Comparator;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Writes passages as escaped HTML with the matches in {@code <em>}. Overlapping and touching matches are marked as one
 * (the bigrams 机器 and 器人 of 机器人 become {@code <em>机器人</em>}); passages are joined with an ellipsis.
 */
final class SnippetFormatter extends PassageFormatter {

    @Override
    public String format(Passage[] passages, String content) {
        StringBuilder out = new StringBuilder();
        int previousEnd = -1;
        for (Passage passage : passages) {
            if (previousEnd >= 0 && passage.getStartOffset() > previousEnd) {
                out.append("…");
            }
            int position = passage.getStartOffset();
            int count = passage.getNumMatches();
            int[][] matches = new int[count][];
            for (int m = 0; m < count; m++) {
                matches[m] = new int[] {passage.getMatchStarts()[m], passage.getMatchEnds()[m]};
            }
            // the highlighter orders matches by position, not by offset: a bigram stacked on a word can come first
            Arrays.sort(matches, Comparator.<int[]>comparingInt(m -> m[0]).thenComparingInt(m -> m[1]));
            int[] starts = Arrays.stream(matches).mapToInt(m -> m[0]).toArray();
            int[] ends = Arrays.stream(matches).mapToInt(m -> m[1]).toArray();
            int i = 0;
            while (i < count) {
                int start = Math.max(starts[i], position);
                int end = ends[i];
                while (i + 1 < count && starts[i + 1] <= end) {
                    end = Math.max(end, ends[++i]);
                }
                i++;
                if (end <= position) {
                    continue;
                }
                escape(content, position, start, out);
                out.append("<em>");
                escape(content, start, end, out);
                out.append("</em>");
                position = end;
            }
            escape(content, position, passage.getEndOffset(), out);
            previousEnd = passage.getEndOffset();
        }
        return out.toString();
    }

    static void escape(String content, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            char c = content.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }
}
