package org.kechuang.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kechuang.identity.Accounts;
import org.kechuang.identity.Role;
import org.kechuang.identity.StationAdministration;
import org.kechuang.organization.Organizations;
import org.kechuang.organization.Stations;
import org.kechuang.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class DemoDataIT {

    private static final List<String> STATION_CODES =
            List.of("cmes", "ccs", "caass", "gdast", "zjast", "ningbo", "foshan", "zju", "sip");

    @Autowired
    DemoData demo;

    @Autowired
    Stations stations;

    @Autowired
    Organizations organizations;

    @Autowired
    Accounts accounts;

    @Autowired
    StationAdministration stationAdministration;

    @Autowired
    JdbcClient jdbc;

    @Test
    void seedsStationsOfEveryKindTheProgrammeHasAndOneAccountPerRole() {
        assertThat(STATION_CODES)
                .allSatisfy(code -> assertThat(stations.findByCode(code)).isPresent());
        assertThat(STATION_CODES.stream()
                        .map(code -> organizations
                                .find(stations.findByCode(code).orElseThrow().organizationId())
                                .orElseThrow()
                                .type()
                                .name())
                        .distinct())
                .containsExactlyInAnyOrder("NATIONAL_SOCIETY", "LOCAL_CAST", "UNIVERSITY", "PARK");

        assertThat(accounts.findByUsername("operator").orElseThrow().roles()).contains(Role.OPERATOR);
        assertThat(accounts.findByUsername("manager").orElseThrow().roles()).contains(Role.MANAGER);
        assertThat(accounts.findByUsername("enterprise").orElseThrow().roles()).contains(Role.ENTERPRISE);
        assertThat(accounts.findByUsername("expert").orElseThrow().roles()).contains(Role.EXPERT);
        assertThat(accounts.findByUsername("reviewer").orElseThrow().roles()).contains(Role.REVIEWER);
        long cmes = stations.findByCode("cmes").orElseThrow().id();
        assertThat(stationAdministration.adminsOf(cmes))
                .extracting(StationAdministration.StationAdmin::username)
                .contains("station-admin");
    }

    @Test
    void aSecondRunChangesNothing() throws Exception {
        String before = snapshot();

        demo.run(new DefaultApplicationArguments());

        assertThat(snapshot()).isEqualTo(before);
    }

    private String snapshot() {
        return jdbc.sql("select count(*) from station").query(Long.class).single() + "/"
                + jdbc.sql("select count(*) from organization")
                        .query(Long.class)
                        .single() + "/"
                + jdbc.sql("select count(*) from account").query(Long.class).single() + "/"
                + jdbc.sql("select count(*) from role_grant").query(Long.class).single();
    }
}
