package org.kechuang.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.kechuang.search.Access;
import org.kechuang.search.SearchDocument;

/**
 * Benchmark data, not a test: the demo generator's achievements, experts and demands (its vocabulary, sentence
 * patterns, spread over chains and regions) as the libraries' {@code SearchSource}s make them into index documents
 * (the same fields joined the same way), every one published, so that the matching benchmark can feed a million of
 * each through the matching index's own code without storing them in PostgreSQL first.
 */
public final class MatchingBenchRecords {

    /** The day the generated ages count back from: fixed, so that the same records come out on every machine. */
    private static final LocalDate DAY = LocalDate.of(2026, 6, 1);

    private static final Access PUBLISHED = new Access(true, false, null, Set.of());

    private final DemoGenerator generator = new DemoGenerator(DemoGenerator.SEED, DAY);
    private final Instant now = DAY.atStartOfDay().toInstant(ZoneOffset.UTC);

    /** Achievement {@code n} (from 1) as {@code AchievementSearchSource} makes it, with id {@code n}. */
    public SearchDocument achievement(int n) {
        GeneratedAchievement a = generator.achievement(n);
        String body = Stream.of(a.description(), a.technologyField(), String.join(" ", a.patents()))
                .filter(text -> text != null && !text.isBlank())
                .collect(Collectors.joining("\n"));
        return new SearchDocument(
                "achievement",
                n,
                a.title(),
                a.keywords(),
                body,
                null,
                a.industryCode(),
                a.chainNodeCode(),
                a.regionCode(),
                a.trl(),
                "PUBLISHED",
                PUBLISHED,
                now.minusSeconds(3600L * a.ageHours()));
    }

    /** Expert {@code n} (from 1) as {@code ExpertSearchSource} makes it, with id {@code n}. */
    public SearchDocument expert(int n) {
        GeneratedExpert e = generator.expert(n);
        Set<String> keywords = new LinkedHashSet<>(e.keywords());
        keywords.addAll(e.researchFields());
        String body = Stream.of(e.affiliation(), e.title(), String.join("；", e.researchFields()), e.introduction())
                .filter(text -> text != null && !text.isBlank())
                .collect(Collectors.joining("\n"));
        return new SearchDocument(
                "expert",
                n,
                e.name(),
                new ArrayList<>(keywords),
                body,
                null,
                null,
                null,
                e.regionCode(),
                null,
                "PUBLISHED",
                PUBLISHED,
                now.minusSeconds(3600L * e.ageHours()));
    }

    /** The text of demand {@code n} as the demand form's preview sends it: title, background, technical problems. */
    public String demandText(int n) {
        GeneratedDemand d = generator.demand(n);
        return Stream.of(d.title(), d.background(), d.technicalProblems())
                .filter(text -> text != null && !text.isBlank())
                .collect(Collectors.joining("\n"));
    }

    public List<String> demandTexts(int count) {
        List<String> texts = new ArrayList<>(count);
        for (int n = 1; n <= count; n++) {
            texts.add(demandText(n));
        }
        return texts;
    }
}
