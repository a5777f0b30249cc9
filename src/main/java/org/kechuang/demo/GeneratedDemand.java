package org.kechuang.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.kechuang.shared.CooperationMode;
import org.kechuang.shared.PublicationStatus;

/**
 * A generated technical demand (技术需求), fields as the demand form has them.
 *
 * @param sourceId {@code demo-demand-00001}…, the record's identity in its station across restarts
 * @param stationCode one of the demo stations
 * @param industryCode a GB/T 4754 division of the chain node's industries
 * @param budgetMin 万元; {@code null} with {@code budgetMax} for 面议
 * @param ageHours how long before seeding the demand was posted
 * @param returnReason why a curator returned it, for {@link PublicationStatus#RETURNED}
 */
public record GeneratedDemand(
        String sourceId,
        String stationCode,
        String chainCode,
        String chainNodeCode,
        String industryCode,
        String regionCode,
        String title,
        String background,
        String technicalProblems,
        List<Indicator> targetIndicators,
        String applicationScenario,
        List<CooperationMode> cooperationModes,
        BigDecimal budgetMin,
        BigDecimal budgetMax,
        LocalDate deadline,
        boolean confidential,
        String contactPerson,
        String contactEmail,
        PublicationStatus status,
        String returnReason,
        int ageHours) {

    public GeneratedDemand {
        targetIndicators = List.copyOf(targetIndicators);
        cooperationModes = List.copyOf(cooperationModes);
    }

    /**
     * A target indicator: quantified ({@code 良品率 ≥ 99.5 %}) or free text.
     *
     * @param comparator {@code ≥}, {@code ≤}, {@code =} …
     */
    public record Indicator(String name, String comparator, BigDecimal value, String unit, String text) {

        public boolean quantified() {
            return value != null;
        }

        /** As people write it: {@code 良品率 ≥ 99.5 %} or the free text. */
        public String display() {
            if (!quantified()) {
                return text;
            }
            return name + " " + comparator + " " + value.toPlainString() + (unit == null ? "" : " " + unit);
        }
    }
}
