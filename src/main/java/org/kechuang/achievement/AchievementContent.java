package org.kechuang.achievement;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.kechuang.platform.text.Text;
import org.kechuang.shared.CooperationMode;

/**
 * The checked content of an achievement: text as the author typed it (trimmed), codes, numbers and patent numbers
 * normalized. Only {@link AchievementRules} makes one from a draft.
 */
record AchievementContent(
        String title,
        String description,
        List<String> keywords,
        String technologyField,
        String disciplineCode,
        String industryCode,
        String chainNodeCode,
        MaturityLevel trl,
        List<PatentNumber> patents,
        Set<CooperationMode> transferModes,
        BigDecimal priceMin,
        BigDecimal priceMax,
        Long organizationId,
        List<Inventor> inventors,
        String regionCode) {

    AchievementContent {
        keywords = List.copyOf(keywords);
        patents = List.copyOf(patents);
        transferModes = Set.copyOf(transferModes);
        inventors = List.copyOf(inventors);
    }

    String titleKey() {
        return Text.key(title);
    }

    /** The fields as the history shows them, in a fixed order; absent values are left out. */
    Map<String, String> asFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        put(fields, "title", title);
        put(fields, "description", description);
        put(fields, "keywords", keywords.isEmpty() ? null : String.join("; ", keywords));
        put(fields, "technologyField", technologyField);
        put(fields, "disciplineCode", disciplineCode);
        put(fields, "industryCode", industryCode);
        put(fields, "chainNodeCode", chainNodeCode);
        put(fields, "trl", trl == null ? null : Integer.toString(trl.level()));
        put(
                fields,
                "patents",
                patents.isEmpty()
                        ? null
                        : patents.stream().map(PatentNumber::canonical).collect(Collectors.joining("; ")));
        put(
                fields,
                "transferModes",
                transferModes.isEmpty()
                        ? null
                        : transferModes.stream().sorted().map(Enum::name).collect(Collectors.joining(",")));
        put(fields, "priceMin", priceMin == null ? null : priceMin.toPlainString());
        put(fields, "priceMax", priceMax == null ? null : priceMax.toPlainString());
        put(fields, "organizationId", organizationId == null ? null : organizationId.toString());
        put(fields, "inventors", inventors.isEmpty() ? null : inventorsShown());
        put(fields, "regionCode", regionCode);
        return fields;
    }

    /** The text the content screen reads: everything a person typed in words. */
    Map<String, String> screenedText() {
        Map<String, String> fields = new LinkedHashMap<>();
        put(fields, "title", title);
        put(fields, "description", description);
        put(fields, "keywords", keywords.isEmpty() ? null : String.join("; ", keywords));
        put(fields, "technologyField", technologyField);
        put(fields, "inventors", inventors.isEmpty() ? null : inventorsShown());
        return fields;
    }

    private String inventorsShown() {
        return inventors.stream()
                .map(i -> i.expertId() == null ? i.name() : i.name() + " #" + i.expertId())
                .collect(Collectors.joining("; "));
    }

    private static void put(Map<String, String> fields, String name, String value) {
        if (value != null) {
            fields.put(name, value);
        }
    }
}
