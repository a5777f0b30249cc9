package org.kechuang.caselib;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.kechuang.platform.text.Text;

/**
 * The checked content of a case: text as typed (trimmed), codes normalized, figures as exact decimals with their units,
 * links as ids of records that existed when it was checked. Only {@link CaseRules} makes one from a draft.
 */
record CaseContent(
        String title,
        String problem,
        String solution,
        List<Party> parties,
        List<Figure> figures,
        List<String> keywords,
        String industryCode,
        String chainNodeCode,
        String regionCode,
        Long demandId,
        Long achievementId,
        List<Long> expertIds) {

    CaseContent {
        parties = List.copyOf(parties);
        figures = List.copyOf(figures);
        keywords = List.copyOf(keywords);
        expertIds = List.copyOf(expertIds);
    }

    String titleKey() {
        return Text.key(title);
    }

    Set<FigureKind> figureKinds() {
        Set<FigureKind> kinds = EnumSet.noneOf(FigureKind.class);
        figures.forEach(figure -> kinds.add(figure.kind()));
        return kinds;
    }

    /** The fields as the history shows them, in a fixed order; absent values are left out. */
    Map<String, String> asFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        put(fields, "title", title);
        put(fields, "problem", problem);
        put(fields, "solution", solution);
        put(fields, "parties", parties.isEmpty() ? null : partiesShown());
        put(fields, "figures", figures.isEmpty() ? null : figuresShown());
        put(fields, "keywords", keywords.isEmpty() ? null : String.join("; ", keywords));
        put(fields, "industryCode", industryCode);
        put(fields, "chainNodeCode", chainNodeCode);
        put(fields, "regionCode", regionCode);
        put(fields, "demandId", demandId == null ? null : demandId.toString());
        put(fields, "achievementId", achievementId == null ? null : achievementId.toString());
        put(
                fields,
                "expertIds",
                expertIds.isEmpty()
                        ? null
                        : expertIds.stream().map(String::valueOf).collect(Collectors.joining(", ")));
        return fields;
    }

    /** The text the content screen reads: everything a person typed in words. */
    Map<String, String> screenedText() {
        Map<String, String> fields = new LinkedHashMap<>();
        put(fields, "title", title);
        put(fields, "problem", problem);
        put(fields, "solution", solution);
        put(fields, "parties", parties.isEmpty() ? null : partiesShown());
        put(fields, "figures", figures.isEmpty() ? null : figuresShown());
        put(fields, "keywords", keywords.isEmpty() ? null : String.join("; ", keywords));
        return fields;
    }

    private String partiesShown() {
        return parties.stream()
                .map(p -> p.role().chineseName() + ":" + p.name()
                        + (p.organizationId() == null ? "" : " #" + p.organizationId()))
                .collect(Collectors.joining("; "));
    }

    private String figuresShown() {
        return figures.stream().map(Figure::shown).collect(Collectors.joining("; "));
    }

    private static void put(Map<String, String> fields, String name, String value) {
        if (value != null) {
            fields.put(name, value);
        }
    }
}
