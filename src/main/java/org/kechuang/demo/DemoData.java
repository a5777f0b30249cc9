package org.kechuang.demo;

import java.util.List;
import java.util.Set;
import org.kechuang.brokerage.ManagerCoverages;
import org.kechuang.identity.Accounts;
import org.kechuang.identity.Role;
import org.kechuang.identity.StationAdministration;
import org.kechuang.organization.OrganizationDraft;
import org.kechuang.organization.Organizations;
import org.kechuang.organization.Stations;
import org.kechuang.reference.IndustryChain;
import org.kechuang.reference.IndustryChains;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seeds the demo once and leaves it alone afterwards: every station is looked up by its code first and every account
 * by its username, so a restart (or a second run) changes nothing and what users changed in the demo stays.
 */
@Component
@Profile("demo")
@Order(0)
class DemoData implements ApplicationRunner {

    static final String PASSWORD = "kechuang-demo";
    static final String ADMINISTERED_STATION = "cmes";
    static final String OPERATOR = "operator";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    static final List<DemoStation> STATIONS = List.of(
            new DemoStation("cmes", "中国机械工程学会", "NATIONAL_SOCIETY", "110000", "工科"),
            new DemoStation("ccs", "中国化学会", "NATIONAL_SOCIETY", "110000", "理科"),
            new DemoStation("caass", "中国农学会", "NATIONAL_SOCIETY", "110000", "农科"),
            new DemoStation("gdast", "广东省科学技术协会", "LOCAL_CAST", "440000", null),
            new DemoStation("zjast", "浙江省科学技术协会", "LOCAL_CAST", "330000", null),
            new DemoStation("ningbo", "宁波市科学技术协会", "LOCAL_CAST", "330200", null),
            new DemoStation("foshan", "佛山市科学技术协会", "LOCAL_CAST", "440600", null),
            new DemoStation("zju", "浙江大学", "UNIVERSITY", "330100", null),
            new DemoStation("sip", "苏州工业园区", "PARK", "320500", null));

    private static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount(OPERATOR, "平台运营（演示）", Role.OPERATOR),
            new DemoAccount("station-admin", "站点管理员（演示）", null),
            new DemoAccount("manager", "技术经理人（演示）", Role.MANAGER),
            new DemoAccount("manager-south", "技术经理人·华南（演示）", Role.MANAGER),
            new DemoAccount("enterprise", "企业用户（演示）", Role.ENTERPRISE),
            new DemoAccount("expert", "专家（演示）", Role.EXPERT),
            new DemoAccount("reviewer", "评审专家（演示）", Role.REVIEWER));

    private final Organizations organizations;
    private final Stations stations;
    private final Accounts accounts;
    private final StationAdministration stationAdministration;
    private final ManagerCoverages coverages;
    private final IndustryChains chains;

    DemoData(
            Organizations organizations,
            Stations stations,
            Accounts accounts,
            StationAdministration stationAdministration,
            ManagerCoverages coverages,
            IndustryChains chains) {
        this.organizations = organizations;
        this.stations = stations;
        this.accounts = accounts;
        this.stationAdministration = stationAdministration;
        this.coverages = coverages;
        this.chains = chains;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        int opened = 0;
        for (DemoStation station : STATIONS) {
            if (stations.findByCode(station.code()).isEmpty()) {
                long organization =
                        organizations.registerForPlatform(station.draft(), null).id();
                stations.openForPlatform(organization, station.code(), station.name());
                opened++;
            }
        }
        for (DemoAccount account : ACCOUNTS) {
            accounts.ensure(
                    account.username(),
                    account.username() + "@example.com",
                    PASSWORD,
                    account.displayName(),
                    account.role() == null ? Set.of() : Set.of(account.role()));
        }
        coverDemoManagers();
        long administered =
                stations.findByCode(ADMINISTERED_STATION).orElseThrow().id();
        boolean appointed = stationAdministration.adminsOf(administered).stream()
                .anyMatch(admin -> admin.username().equals("station-admin"));
        if (!appointed) {
            stationAdministration.appoint(administered, "station-admin");
        }
        log.info(
                "Demo data ready: {} stations ({} opened now), accounts {} with password '{}'",
                STATIONS.size(),
                opened,
                ACCOUNTS.stream().map(DemoAccount::username).toList(),
                PASSWORD);
    }

    /**
     * The two demo managers split the built-in chains between them, the first also covering Beijing, Zhejiang and
     * Jiangsu, the second Guangdong, Guangxi and Hainan, so that triage has a choice to make. A manager who already
     * chose what they cover keeps it.
     */
    private void coverDemoManagers() {
        List<String> chainCodes = chains.all().stream().map(IndustryChain::code).toList();
        int half = (chainCodes.size() + 1) / 2;
        cover("manager", chainCodes.subList(0, half), Set.of("11", "33", "32"));
        cover("manager-south", chainCodes.subList(half, chainCodes.size()), Set.of("44", "45", "46"));
    }

    private void cover(String username, List<String> chainCodes, Set<String> provinces) {
        long id = accounts.findByUsername(username).orElseThrow().id();
        ManagerCoverages.Coverage current = coverages.of(id);
        if (current.chains().isEmpty() && current.provinces().isEmpty()) {
            coverages.cover(id, new ManagerCoverages.Coverage(Set.copyOf(chainCodes), provinces));
        }
    }

    record DemoStation(String code, String name, String type, String region, String disciplineGroup) {

        OrganizationDraft draft() {
            return new OrganizationDraft(
                    name, type, null, null, region, null, "演示数据 / demo data", null, null, disciplineGroup);
        }
    }

    private record DemoAccount(String username, String displayName, Role role) {}
}
