package org.kechuang.demo;

import java.math.BigDecimal;
import java.util.List;
import org.kechuang.shared.CooperationMode;
import org.kechuang.shared.PublicationStatus;

/**
 * A generated technology achievement (科技成果), fields as the achievement form has them.
 *
 * @param sourceId {@code demo-achievement-00001}…
 * @param disciplineCode an NSFC application code such as {@code E05}
 * @param trl technology readiness level 1–9
 * @param patents CN application ({@code CN…}) or patent ({@code ZL…}) numbers with valid check digits
 * @param priceMin 万元; {@code null} with {@code priceMax} for 面议
 */
public record GeneratedAchievement(
        String sourceId,
        String stationCode,
        String chainCode,
        String chainNodeCode,
        String industryCode,
        String disciplineCode,
        String regionCode,
        String title,
        String description,
        List<String> keywords,
        String technologyField,
        int trl,
        List<String> patents,
        List<CooperationMode> transferModes,
        BigDecimal priceMin,
        BigDecimal priceMax,
        List<String> inventors,
        PublicationStatus status,
        String returnReason,
        int ageHours) {

    public GeneratedAchievement {
        keywords = List.copyOf(keywords);
        patents = List.copyOf(patents);
        transferModes = List.copyOf(transferModes);
        inventors = List.copyOf(inventors);
    }
}
