package org.kechuang.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kechuang.support.WebUser.read;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.kechuang.identity.Accounts;
import org.kechuang.identity.Role;
import org.kechuang.support.IntegrationTest;
import org.kechuang.support.SharedData;
import org.kechuang.support.WebUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The 2018 list of CAST's national societies, loaded through the same import stations use. */
@IntegrationTest
@Tag("shared-data")
class CastSocietiesImportIT {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void importsThe210NationalSocietiesOnceAndAgainWithoutChange() throws IOException {
        byte[] file = Files.readAllBytes(SharedData.file("taxonomy/cast-societies-2018.csv"));
        WebUser operator = new WebUser(port).withToken(Fixtures.person(accounts, Role.OPERATOR), Fixtures.PASSWORD);

        HttpResponse<String> first = operator.upload(
                "/api/v1/organizations/imports", "cast-societies-2018.csv", file, Map.of("type", "NATIONAL_SOCIETY"));

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(read(first).get("total").asInt()).isEqualTo(210);
        // the shared test database may already hold a society under its name (demo data): that one is updated
        assertThat(read(first).get("inserted").asInt()
                        + read(first).get("updated").asInt())
                .isEqualTo(210);
        assertThat(societies()).isEqualTo(210);
        assertThat(groupCount("SCIENCE")).isEqualTo(45);
        assertThat(groupCount("ENGINEERING")).isEqualTo(78);
        assertThat(groupCount("AGRICULTURE")).isEqualTo(16);
        assertThat(groupCount("MEDICINE")).isEqualTo(28);
        assertThat(groupCount("INTERDISCIPLINARY")).isEqualTo(42);
        assertThat(jdbc.sql("""
                        select name from organization
                        where source_system = 'cast-societies-2018' and source_id = 'A-01'""").query(String.class).single()).isEqualTo("中国数学会");

        HttpResponse<String> again = operator.upload(
                "/api/v1/organizations/imports", "cast-societies-2018.csv", file, Map.of("type", "NATIONAL_SOCIETY"));

        assertThat(read(again).get("unchanged").asInt()).isEqualTo(210);
        assertThat(read(again).get("inserted").asInt()).isZero();
        assertThat(read(again).get("updated").asInt()).isZero();
        assertThat(societies()).isEqualTo(210);
    }

    private long societies() {
        return jdbc.sql("select count(*) from organization where source_system = 'cast-societies-2018'"
                        + " and type = 'NATIONAL_SOCIETY'")
                .query(Long.class)
                .single();
    }

    private long groupCount(String group) {
        return jdbc.sql("select count(*) from organization where source_system = 'cast-societies-2018'"
                        + " and discipline_group = ?")
                .param(group)
                .query(Long.class)
                .single();
    }
}
