package org.kechuang.demand;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.kechuang.platform.text.Text;
import org.kechuang.shared.CooperationMode;

/**
 * The checked content of a demand: text as the author typed it (trimmed), codes and numbers normalized. Only
 * {@link DemandRules} makes one from a draft.
 */
record DemandContent(
        String title,
        String background,
        String technicalProblems,
        List<TargetIndicator> targetIndicators,
        String industryCode,
        String chainNodeCode,
        String applicationScenario,
        String regionCode,
        Set<CooperationMode> cooperationModes,
        BigDecimal budgetMin,
        BigDecimal budgetMax,
        LocalDate deadline,
        boolean confidential,
        Contact contact,
        Long organizationId) {

    DemandContent {
        targetIndicators = List.copyOf(targetIndicators);
        cooperationModes = Set.copyOf(cooperationModes);
    }

    /** Who to talk to about the demand; shown to signed-in users only. */
    record Contact(String person, String phone, String email) {

        static final Contact NONE = new Contact(null, null, null);
    }

    /** The comparison key of the title: traditional and simplified, full and half width compare equal. */
    String titleKey() {
        return Text.key(title);
    }

    /** The fields as the history shows them, in a fixed order; absent values are left out. */
    Map<String, String> asFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        put(fields, "title", title);
        put(fields, "background", background);
        put(fields, "technicalProblems", technicalProblems);
        put(
                fields,
                "targetIndicators",
                targetIndicators.isEmpty()
                        ? null
                        : targetIndicators.stream()
                                .map(TargetIndicator::display)
                                .collect(Collectors.joining("\n")));
        put(fields, "industryCode", industryCode);
        put(fields, "chainNodeCode", chainNodeCode);
        put(fields, "applicationScenario", applicationScenario);
        put(fields, "regionCode", regionCode);
        put(
                fields,
                "cooperationModes",
                cooperationModes.isEmpty()
                        ? null
                        : cooperationModes.stream().sorted().map(Enum::name).collect(Collectors.joining(",")));
        put(fields, "budgetMin", budgetMin == null ? null : budgetMin.toPlainString());
        put(fields, "budgetMax", budgetMax == null ? null : budgetMax.toPlainString());
        put(fields, "deadline", deadline == null ? null : deadline.toString());
        put(fields, "confidential", Boolean.toString(confidential));
        put(fields, "contactPerson", contact.person());
        put(fields, "contactPhone", contact.phone());
        put(fields, "contactEmail", contact.email());
        put(fields, "organizationId", organizationId == null ? null : organizationId.toString());
        return fields;
    }

    /** The text the content screen reads: everything a person typed in words. */
    Map<String, String> screenedText() {
        Map<String, String> fields = new LinkedHashMap<>();
        put(fields, "title", title);
        put(fields, "background", background);
        put(fields, "technicalProblems", technicalProblems);
        put(
                fields,
                "targetIndicators",
                targetIndicators.isEmpty()
                        ? null
                        : targetIndicators.stream()
                                .map(TargetIndicator::display)
                                .collect(Collectors.joining("\n")));
        put(fields, "applicationScenario", applicationScenario);
        put(fields, "contactPerson", contact.person());
        return fields;
    }

    private static void put(Map<String, String> fields, String name, String value) {
        if (value != null) {
            fields.put(name, value);
        }
    }
}
