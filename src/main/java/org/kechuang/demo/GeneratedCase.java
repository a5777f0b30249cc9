package org.kechuang.demo;

import java.math.BigDecimal;
import java.util.List;
import org.kechuang.shared.PublicationStatus;

/**
 * A generated application case (应用案例) as plain data, for the case library to store.
 *
 * @param sourceId {@code demo-case-0001}…
 * @param parties the demand side, the supply side and the broker, by name
 * @param figures measured results with units
 * @param demandSourceId the demo demand the case answered (same chain), by its source id
 * @param achievementSourceId the demo achievement that was transferred (same chain), by its source id
 * @param expertSourceIds demo experts who worked on it (same chain), by their source ids
 * @param returnReason the curator's reason of a returned case, {@code null} otherwise
 */
public record GeneratedCase(
        String sourceId,
        String stationCode,
        String chainCode,
        String chainNodeCode,
        String industryCode,
        String regionCode,
        String title,
        String problem,
        String solution,
        List<Party> parties,
        List<Figure> figures,
        String demandSourceId,
        String achievementSourceId,
        List<String> expertSourceIds,
        PublicationStatus status,
        int ageHours,
        String returnReason) {

    public GeneratedCase {
        parties = List.copyOf(parties);
        figures = List.copyOf(figures);
        expertSourceIds = List.copyOf(expertSourceIds);
    }

    /** @param role {@code DEMAND_SIDE}, {@code SUPPLY_SIDE} or {@code BROKER} */
    public record Party(String name, String role) {}

    /**
     * A measured result, e.g. 年节约成本 320 万元 or 良品率提升 4.5 个百分点.
     *
     * @param kind {@code ECONOMIC} or {@code TECHNICAL}
     */
    public record Figure(String name, BigDecimal value, String unit, String kind) {

        public String display() {
            return name + " " + value.toPlainString() + " " + unit;
        }
    }
}
