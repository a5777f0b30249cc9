package org.kechuang.brokerage;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.kechuang.identity.Accounts;
import org.kechuang.identity.Role;
import org.kechuang.platform.text.Text;
import org.kechuang.reference.IndustryChains;
import org.kechuang.reference.Regions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each technology manager covers: the industry chains and provinces whose demands triage gives them first. A
 * manager sets their own; the demo sets the demo managers'.
 */
@Service
public class ManagerCoverages {

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final IndustryChains chains;
    private final Regions regions;

    ManagerCoverages(JdbcClient jdbc, Accounts accounts, IndustryChains chains, Regions regions) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.chains = chains;
        this.regions = regions;
    }

    /**
     * @param chains industry-chain codes
     * @param provinces two-digit GB/T 2260 province codes (a six-digit province code is accepted and shortened)
     */
    public record Coverage(Set<String> chains, Set<String> provinces) {

        public Coverage {
            chains = chains == null ? Set.of() : Set.copyOf(chains);
            provinces = provinces == null ? Set.of() : Set.copyOf(provinces);
        }
    }

    /** Replaces what the manager covers; every unknown code is refused (nothing is changed then). */
    @Transactional
    public Coverage cover(long managerId, Coverage requested) {
        if (accounts.findById(managerId).filter(a -> a.has(Role.MANAGER)).isEmpty()) {
            throw org.kechuang.platform.web.DomainException.invalid(
                    "managerId", "engagement.manager.unknown", managerId);
        }
        List<Violation> violations = new ArrayList<>();
        Set<String> chainCodes = new TreeSet<>();
        for (String typed : requested.chains()) {
            String code = Text.cleanOrNull(typed);
            if (code == null || chains.find(code).isEmpty()) {
                violations.add(new Violation("chains", "engagement.coverage.chain", String.valueOf(typed)));
            } else {
                chainCodes.add(code);
            }
        }
        Set<String> provinceCodes = new TreeSet<>();
        for (String typed : requested.provinces()) {
            String code = Text.cleanOrNull(typed);
            String province = code == null || code.length() < 2 ? null : code.substring(0, 2);
            boolean known = province != null
                    && (code.length() == 2 || code.equals(province + "0000"))
                    && regions.find(province + "0000").isPresent();
            if (!known) {
                violations.add(new Violation("provinces", "engagement.coverage.province", String.valueOf(typed)));
            } else {
                provinceCodes.add(province);
            }
        }
        if (!violations.isEmpty()) {
            throw new EngagementRefused(violations);
        }
        jdbc.sql("delete from manager_coverage where manager_id = :manager")
                .param("manager", managerId)
                .update();
        for (String code : chainCodes) {
            insert(managerId, "CHAIN", code);
        }
        for (String code : provinceCodes) {
            insert(managerId, "PROVINCE", code);
        }
        return of(managerId);
    }

    @Transactional(readOnly = true)
    public Coverage of(long managerId) {
        Set<String> chainCodes = new TreeSet<>();
        Set<String> provinceCodes = new TreeSet<>();
        jdbc.sql("select kind, code from manager_coverage where manager_id = :manager")
                .param("manager", managerId)
                .query(rs -> {
                    ("CHAIN".equals(rs.getString("kind")) ? chainCodes : provinceCodes).add(rs.getString("code"));
                });
        return new Coverage(chainCodes, provinceCodes);
    }

    private void insert(long managerId, String kind, String code) {
        jdbc.sql("insert into manager_coverage (manager_id, kind, code) values (:manager, :kind, :code)")
                .param("manager", managerId)
                .param("kind", kind)
                .param("code", code)
                .update();
    }
}
