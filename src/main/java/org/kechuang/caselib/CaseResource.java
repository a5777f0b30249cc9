package org.kechuang.caselib;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.kechuang.shared.PublicationStatus;

/**
 * A case as the API and the pages show it. Linked records appear when they are published (or to those who see every
 * status of the case); {@code returnReason} and {@code held} only for the author, the station's admins and operators.
 */
record CaseResource(
        long id,
        String title,
        String problem,
        String solution,
        List<PartyShown> parties,
        List<FigureShown> figures,
        List<String> keywords,
        String industryCode,
        String industryName,
        String chainNodeCode,
        String chainNodeName,
        String regionCode,
        String regionName,
        Link demand,
        Link achievement,
        List<Link> experts,
        Long stationId,
        String stationName,
        PublicationStatus status,
        String returnReason,
        Boolean held,
        Source source,
        Instant createdAt,
        Instant updatedAt,
        int version) {

    record PartyShown(PartyRole role, Long organizationId, String name) {}

    /**
     * @param value the exact number
     * @param shown as people read it, e.g. {@code 320 万元}
     */
    record FigureShown(String name, BigDecimal value, String unit, FigureKind kind, String shown) {}

    /** A linked record of another library; {@code title} is its title (or an expert's name). */
    record Link(long id, String title) {}

    record Source(String system, String id, Long batch) {}
}
