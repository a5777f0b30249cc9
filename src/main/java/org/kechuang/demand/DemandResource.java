package org.kechuang.demand;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.kechuang.shared.CooperationMode;
import org.kechuang.shared.PublicationStatus;

/**
 * A demand as the API and the pages show it. {@code contact} is present for signed-in users only; {@code returnReason},
 * {@code returnedWithQuestions} and {@code held} only for those who see every status (author, station admins,
 * operators); {@code completeness} for them and technology managers.
 *
 * @param returnedWithQuestions the return reason holds a technology manager's questions to the author
 * @param stale untouched for longer than {@code kechuang.demand.stale-after}
 */
record DemandResource(
        long id,
        String title,
        String background,
        String technicalProblems,
        List<TargetIndicator> targetIndicators,
        String industryCode,
        String industryName,
        String chainNodeCode,
        String chainNodeName,
        String applicationScenario,
        String regionCode,
        String regionName,
        List<CooperationMode> cooperationModes,
        BigDecimal budgetMin,
        BigDecimal budgetMax,
        LocalDate deadline,
        boolean confidential,
        Contact contact,
        Long organizationId,
        String organizationName,
        Long stationId,
        String stationName,
        PublicationStatus status,
        String returnReason,
        Boolean returnedWithQuestions,
        Boolean held,
        boolean stale,
        Source source,
        Instant createdAt,
        Instant updatedAt,
        int version,
        CompletenessView completeness) {

    /** The budget as people read it: {@code 10–50}, {@code ≥ 10}, {@code ≤ 50}, or {@code null} without one. */
    public String budgetShown() {
        if (budgetMin == null && budgetMax == null) {
            return null;
        }
        if (budgetMin == null) {
            return "≤ " + plain(budgetMax);
        }
        if (budgetMax == null) {
            return "≥ " + plain(budgetMin);
        }
        return plain(budgetMin) + "–" + plain(budgetMax);
    }

    private static String plain(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }

    /** The completeness score and its suggestions, each with its message in the reader's language. */
    record CompletenessView(int score, List<SuggestionView> suggestions) {}

    record SuggestionView(String field, String key, String message) {}

    record Contact(String person, String phone, String email) {}

    record Source(String system, String id, Long batch) {}
}
