package org.kechuang.demand;

import java.util.List;

/**
 * A demand as typed into the form, sent to the API or read from an import file: every value as given, checked by the
 * demand rules. Numbers and dates are text so that a wrong one becomes a field error rather than an unreadable request.
 *
 * @param budgetMin lower end of the budget in 万元 (ten thousand yuan)
 * @param deadline {@code yyyy-MM-dd}; must not be in the past when the demand is submitted
 * @param cooperationModes names of {@link org.kechuang.shared.CooperationMode} or their Chinese names
 * @param stationId the station the demand is entered into (only read when it is created)
 * @param version the version the edit is based on (required when editing, ignored otherwise)
 */
public record DemandDraft(
        String title,
        String background,
        String technicalProblems,
        List<TargetIndicator.Draft> targetIndicators,
        String industryCode,
        String chainNodeCode,
        String applicationScenario,
        String regionCode,
        List<String> cooperationModes,
        String budgetMin,
        String budgetMax,
        String deadline,
        Boolean confidential,
        String contactPerson,
        String contactPhone,
        String contactEmail,
        Long organizationId,
        Long stationId,
        Integer version) {

    /** A draft with only the required fields, for imports and tests to extend. */
    public static DemandDraft of(String title, String background) {
        return new DemandDraft(
                title,
                background,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }
}
