package org.kechuang.caselib;

import java.util.List;

/**
 * A case as typed into the form, sent to the API or read from an import file: every value as given, checked by the
 * case rules. Title, problem and solution are required.
 *
 * @param parties the organizations involved and their roles
 * @param figures measured results, each with a unit
 * @param demandId the demand the case answered (technology demand library)
 * @param achievementId the achievement it applied (achievement library)
 * @param expertIds the experts involved (expert library)
 * @param stationId the station the case is entered into (only read when it is created)
 * @param version the version the edit is based on (required when editing, ignored otherwise)
 */
public record CaseDraft(
        String title,
        String problem,
        String solution,
        List<PartyDraft> parties,
        List<FigureDraft> figures,
        List<String> keywords,
        String industryCode,
        String chainNodeCode,
        String regionCode,
        Long demandId,
        Long achievementId,
        List<Long> expertIds,
        Long stationId,
        Integer version) {

    public static CaseDraft of(String title, String problem, String solution) {
        return new CaseDraft(
                title, problem, solution, null, null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * @param role {@link PartyRole} name or Chinese name (需求方, 供给方, 服务方)
     * @param organizationId the organization on the platform, or {@code null} with a name
     */
    public record PartyDraft(String role, Long organizationId, String name) {}

    /**
     * @param value a decimal number as typed
     * @param kind {@code ECONOMIC} / {@code TECHNICAL} (经济 / 技术); taken from the unit when absent (元 → economic)
     */
    public record FigureDraft(String name, String value, String unit, String kind) {}
}
