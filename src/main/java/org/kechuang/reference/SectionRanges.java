package org.kechuang.reference;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which section a division belongs to, as far as the stored divisions tell. A division's code does not name its
 * section, but GB/T 4754 numbers the divisions of each section consecutively (制造业 C is 13–43), so a division between
 * the first and the last stored division of a section belongs to that section. A division outside every range (a code
 * the standard does not have) is left to the list.
 */
final class SectionRanges {

    static final SectionRanges NONE = new SectionRanges(Map.of());

    private final Map<String, Span> spans;

    private SectionRanges(Map<String, Span> spans) {
        this.spans = spans;
    }

    /** @param sectionOfDivision each stored division's code with its section's */
    static SectionRanges of(Map<String, String> sectionOfDivision) {
        Map<String, Span> spans = new TreeMap<>();
        sectionOfDivision.forEach((division, section) -> spans.merge(
                section,
                new Span(section, division, division),
                (a, b) -> new Span(
                        section,
                        a.first().compareTo(b.first()) <= 0 ? a.first() : b.first(),
                        a.last().compareTo(b.last()) >= 0 ? a.last() : b.last())));
        return new SectionRanges(spans);
    }

    /** The section whose divisions enclose this two-digit code, if the stored divisions tell. */
    Optional<Span> enclosing(String division) {
        return spans.values().stream().filter(span -> span.encloses(division)).findFirst();
    }

    /** The divisions {@code first}…{@code last} of a section; two-digit codes compare like their numbers. */
    record Span(String section, String first, String last) {

        boolean encloses(String division) {
            return division.compareTo(first) >= 0 && division.compareTo(last) <= 0;
        }
    }
}
