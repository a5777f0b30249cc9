package org.kechuang.achievement;

import java.util.List;

/**
 * An achievement as typed into the form, sent to the API or read from an import file: every value as given, checked
 * by the achievement rules. Only the title and the description (abstract) are required, so that a record with just
 * those (and keywords) can be imported and completed later. Numbers are text so that a wrong one becomes a field error.
 *
 * @param description the abstract (摘要)
 * @param trl the technology readiness level, {@code 1}–{@code 9}, {@code TRL6} or a stage name
 * @param patents patent or application numbers in any common CN form
 * @param transferModes names of {@link org.kechuang.shared.CooperationMode} that apply to achievements, or their Chinese
 *     names
 * @param priceMin lower end of the asking price in 万元
 * @param stationId the station the achievement is entered into (only read when it is created)
 * @param version the version the edit is based on (required when editing, ignored otherwise)
 */
public record AchievementDraft(
        String title,
        String description,
        List<String> keywords,
        String technologyField,
        String disciplineCode,
        String industryCode,
        String chainNodeCode,
        String trl,
        List<String> patents,
        List<String> transferModes,
        String priceMin,
        String priceMax,
        Long organizationId,
        List<Inventor> inventors,
        String regionCode,
        Long stationId,
        Integer version) {

    /** A draft with only what an import needs at least: title, description and keywords. */
    public static AchievementDraft of(String title, String description, List<String> keywords) {
        return new AchievementDraft(
                title,
                description,
                keywords,
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
