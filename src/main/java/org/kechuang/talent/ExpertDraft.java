package org.kechuang.talent;

import java.util.List;

/**
 * An expert profile as typed into the form, sent to the API or read from an import file: every value as given,
 * checked by the expert rules. Name and affiliation are required, everything else may come later.
 *
 * @param title the professional title (职称)
 * @param disciplineCodes NSFC application codes, e.g. {@code E05}, {@code F0201}
 * @param researchFields research directions (研究方向)
 * @param societyIds ids of national societies (organizations) the expert belongs to
 * @param youngTalent a young talent (青年人才); {@code null} reads as no
 * @param overseas an overseas expert (海外); {@code null} reads as no
 * @param availability {@link Availability} name or Chinese name; available when absent
 * @param stationId the station the profile is entered into (only read when it is created)
 * @param version the version the edit is based on (required when editing, ignored otherwise)
 */
public record ExpertDraft(
        String name,
        String affiliation,
        String title,
        List<String> disciplineCodes,
        List<String> researchFields,
        List<String> keywords,
        String regionCode,
        List<Long> societyIds,
        Boolean youngTalent,
        Boolean overseas,
        String availability,
        String introduction,
        String phone,
        String email,
        Long stationId,
        Integer version) {

    /** A draft with only what is required: name and affiliation. */
    public static ExpertDraft of(String name, String affiliation) {
        return new ExpertDraft(
                name, affiliation, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
