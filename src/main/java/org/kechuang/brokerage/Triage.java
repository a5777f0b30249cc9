package org.kechuang.brokerage;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kechuang.demand.Demands;
import org.kechuang.identity.Account;
import org.kechuang.identity.Accounts;
import org.kechuang.identity.Role;
import org.kechuang.platform.web.DomainException;
import org.kechuang.reference.ChainNode;
import org.kechuang.reference.IndustryChains;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds the technology manager for a demand ({@link ManagerChoice}) from the managers' coverage (chains, provinces)
 * and their caseload: open engagements plus demands given to them to diagnose.
 */
@Component
class Triage {

    private final Accounts accounts;
    private final IndustryChains chains;
    private final JdbcClient jdbc;

    Triage(Accounts accounts, IndustryChains chains, JdbcClient jdbc) {
        this.accounts = accounts;
        this.chains = chains;
        this.jdbc = jdbc;
    }

    Optional<ManagerChoice.Choice> managerFor(Demands.Particulars demand) {
        return ManagerChoice.choose(candidates(), chainOf(demand.chainNodeCode()), provinceOf(demand.regionCode()));
    }

    /** The account, which must hold the manager role. */
    long requireManager(Long accountId) {
        if (accountId == null) {
            throw DomainException.invalid("managerId", "engagement.manager.required");
        }
        return accounts.findById(accountId)
                .filter(account -> account.has(Role.MANAGER))
                .map(Account::id)
                .orElseThrow(() -> DomainException.invalid("managerId", "engagement.manager.unknown", accountId));
    }

    List<ManagerChoice.Candidate> candidates() {
        Map<Long, Set<String>> coveredChains = new HashMap<>();
        Map<Long, Set<String>> coveredProvinces = new HashMap<>();
        jdbc.sql("select manager_id, kind, code from manager_coverage").query(rs -> {
            Map<Long, Set<String>> target = "CHAIN".equals(rs.getString("kind")) ? coveredChains : coveredProvinces;
            target.computeIfAbsent(rs.getLong("manager_id"), k -> new HashSet<>())
                    .add(rs.getString("code"));
        });
        Map<Long, Long> caseloads = new HashMap<>();
        jdbc.sql("""
                select manager_id, count(*) as load from (
                    select manager_id from engagement where stage not in ('CLOSED', 'EVALUATED')
                    union all
                    select manager_id from demand_assignment where status <> 'DONE') open_cases
                group by manager_id""").query(rs -> {
            caseloads.put(rs.getLong("manager_id"), rs.getLong("load"));
        });
        return accounts.holding(Role.MANAGER).stream()
                .filter(Account::verified)
                .map(account -> new ManagerChoice.Candidate(
                        account.id(),
                        coveredChains.getOrDefault(account.id(), Set.of()),
                        coveredProvinces.getOrDefault(account.id(), Set.of()),
                        caseloads.getOrDefault(account.id(), 0L)))
                .toList();
    }

    String chainOf(String nodeCode) {
        return nodeCode == null
                ? null
                : chains.findNode(nodeCode).map(ChainNode::chainCode).orElse(null);
    }

    static String provinceOf(String regionCode) {
        return regionCode == null || regionCode.length() < 2 ? null : regionCode.substring(0, 2);
    }
}
