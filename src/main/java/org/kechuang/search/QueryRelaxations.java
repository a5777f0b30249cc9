package org.kechuang.search;

import com.github.houbb.opencc4j.util.ZhConverterUtil;
import com.github.houbb.opencc4j.util.ZhTwConverterUtil;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Looser forms of a search that found nothing, most faithful first: the mainland term for Taiwan vocabulary (軟體 →
 * 软件: traditional characters alone are searched as simplified already, but not the other vocabulary), the query
 * without one of its space-separated parts, its words apart rather than as one phrase (a Chinese run's characters must
 * otherwise occur together), and its longer words alone.
 */
final class QueryRelaxations {

    private QueryRelaxations() {}

    static List<String> of(String q, Function<String, List<String>> words) {
        if (q == null || q.isBlank()) {
            return List.of();
        }
        String typed = q.strip();
        Set<String> looser = new LinkedHashSet<>();
        String mainland = ZhTwConverterUtil.toSimple(typed);
        if (!mainland.equals(ZhConverterUtil.toSimple(typed))) {
            looser.add(mainland);
        }
        List<String> parts = Arrays.asList(typed.split("\\s+"));
        for (int drop = parts.size() - 1; parts.size() > 1 && drop >= 0; drop--) {
            List<String> kept = new ArrayList<>(parts);
            kept.remove(drop);
            looser.add(String.join(" ", kept));
        }
        List<String> split = words.apply(typed);
        if (split.size() > 1) {
            looser.add(String.join(" ", split));
        }
        split.stream()
                .filter(word -> word.length() > 1 && !word.equals(typed))
                .sorted(Comparator.comparingInt(String::length).reversed())
                .forEach(looser::add);
        looser.remove(typed);
        return List.copyOf(looser);
    }
}
