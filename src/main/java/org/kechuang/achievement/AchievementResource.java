package org.kechuang.achievement;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.kechuang.shared.CooperationMode;
import org.kechuang.shared.PublicationStatus;

/**
 * An achievement as the API and the pages show it. {@code returnReason} and {@code held} only for those who see every
 * status (author, station admins, operators).
 *
 * @param description the abstract (摘要)
 * @param trlName the stage name of the maturity level in the reader's language
 */
record AchievementResource(
        long id,
        String title,
        String description,
        List<String> keywords,
        String technologyField,
        String disciplineCode,
        String industryCode,
        String industryName,
        String chainNodeCode,
        String chainNodeName,
        Integer trl,
        String trlName,
        List<String> patents,
        List<CooperationMode> transferModes,
        BigDecimal priceMin,
        BigDecimal priceMax,
        Long organizationId,
        String organizationName,
        List<Inventor> inventors,
        String regionCode,
        String regionName,
        Long stationId,
        String stationName,
        PublicationStatus status,
        String returnReason,
        Boolean held,
        Source source,
        Instant createdAt,
        Instant updatedAt,
        int version) {

    /** The price as people read it: {@code 10–50}, {@code ≥ 10}, {@code ≤ 50}, or {@code null} without one. */
    public String priceShown() {
        if (priceMin == null && priceMax == null) {
            return null;
        }
        if (priceMin == null) {
            return "≤ " + plain(priceMax);
        }
        if (priceMax == null) {
            return "≥ " + plain(priceMin);
        }
        return plain(priceMin) + "–" + plain(priceMax);
    }

    private static String plain(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }

    record Source(String system, String id, Long batch) {}
}
