package org.kechuang.knowledge;

import java.time.Instant;
import java.util.List;

/**
 * A brief (简报) of an industry chain or a province over a period, computed from the published records.
 *
 * @param scope {@code chain} or {@code region}
 * @param code the chain code or the province code
 * @param from start of the period (inclusive); the previous period is as long and ends here
 * @param demands published, non-confidential demands of the scope posted in the period
 * @param achievements published achievements of the scope posted in the period
 * @param topics the words most demands of the period use, most first, against the previous period
 * @param gapShare the relevance threshold: an achievement answers a demand when it contains at least this share of the
 *     distinct words of the demand's title and technical problems
 * @param gapsChecked how many of the period's demands were checked for a supply gap (the latest ones)
 * @param gaps the checked demands no published achievement answers
 * @param breakdown per chain node (of a chain) or per chain (of a province): demands and achievements of the period
 */
record Brief(
        String scope,
        String code,
        String name,
        int periodDays,
        Instant from,
        Instant to,
        long demands,
        long achievements,
        List<Topic> topics,
        double gapShare,
        int gapsChecked,
        List<Gap> gaps,
        List<Active> organizations,
        List<Active> experts,
        List<Share> breakdown) {

    /**
     * @param demands how many of the period's demands use the word
     * @param previous how many of the previous period's demands used it
     */
    record Topic(String term, long demands, long previous) {

        public long change() {
            return demands - previous;
        }
    }

    record Gap(long id, String title, String link) {}

    /**
     * @param detail the expert's affiliation, the organization's nothing
     * @param records the organization's demands and achievements, the expert's achievements (as inventor), of the
     *     period and scope
     */
    record Active(long id, String name, String detail, String link, long records) {}

    record Share(String code, String name, long demands, long achievements) {}
}
