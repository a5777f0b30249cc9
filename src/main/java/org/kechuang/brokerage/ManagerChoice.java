package org.kechuang.brokerage;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Chooses the technology manager for a demand: the one covering the demand's industry chain and province, among
 * those the one with the fewest open cases, then the one who has waited longest (lowest id). A manager covering the
 * chain comes before one covering only the province; one covering neither is chosen only when nobody covers either.
 */
final class ManagerChoice {

    private ManagerChoice() {}

    /**
     * @param chains the chain codes the manager covers
     * @param provinces two-digit GB/T 2260 province codes the manager covers
     * @param caseload open engagements plus demands under diagnosis
     */
    record Candidate(long accountId, Set<String> chains, Set<String> provinces, long caseload) {

        int fit(String chainCode, String provinceCode) {
            int fit = 0;
            if (chainCode != null && chains.contains(chainCode)) {
                fit += 2;
            }
            if (provinceCode != null && provinces.contains(provinceCode)) {
                fit += 1;
            }
            return fit;
        }
    }

    /** Why this manager: what of the demand they cover, and their caseload. */
    record Choice(long accountId, boolean coversChain, boolean coversProvince, long caseload) {}

    static Optional<Choice> choose(List<Candidate> candidates, String chainCode, String provinceCode) {
        return candidates.stream()
                .sorted(Comparator.comparingInt((Candidate c) -> -c.fit(chainCode, provinceCode))
                        .thenComparingLong(Candidate::caseload)
                        .thenComparingLong(Candidate::accountId))
                .findFirst()
                .map(c -> new Choice(
                        c.accountId(),
                        chainCode != null && c.chains().contains(chainCode),
                        provinceCode != null && c.provinces().contains(provinceCode),
                        c.caseload()));
    }
}
