package org.kechuang.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kechuang.support.WebUser.read;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kechuang.identity.Accounts;
import org.kechuang.identity.Role;
import org.kechuang.support.IntegrationTest;
import org.kechuang.support.WebUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class StationApiIT {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    JdbcClient jdbc;

    WebUser operator;
    WebUser visitor;

    @BeforeEach
    void setUp() {
        operator = new WebUser(port).withToken(Fixtures.person(accounts, Role.OPERATOR), Fixtures.PASSWORD);
        visitor = new WebUser(port);
    }

    long organization() {
        return organizations
                .registerForPlatform(
                        new OrganizationDraft(
                                Fixtures.name("学会"),
                                "NATIONAL_SOCIETY",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null),
                        null)
                .id();
    }

    long stationCount() {
        return jdbc.sql("select count(*) from station").query(Long.class).single();
    }

    @Test
    void anOperatorOpensAStationAppointsAndDismissesItsAdmin() {
        long organizationId = organization();
        String code = "cms-" + Fixtures.unique();

        HttpResponse<String> opened =
                operator.post("/api/v1/stations", Map.of("organizationId", organizationId, "code", code.toUpperCase()));

        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        JsonNode station = read(opened);
        long id = station.get("id").asLong();
        assertThat(station.get("code").asString()).isEqualTo(code);
        assertThat(station.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(station.get("name").asString())
                .isEqualTo(organizations.find(organizationId).orElseThrow().name());

        String adminName = Fixtures.person(accounts);
        HttpResponse<String> appointed = operator.put("/api/v1/stations/" + id + "/admins/" + adminName, Map.of());
        assertThat(appointed.statusCode()).as(appointed.body()).isEqualTo(200);
        long userId = read(appointed).get("userId").asLong();

        JsonNode publicView = read(visitor.get("/api/v1/stations/" + id));
        assertThat(publicView.get("admins").get(0).get("displayName").asString())
                .isEqualTo("测试用户" + adminName);
        assertThat(publicView.get("admins").get(0).has("username")).isFalse();
        assertThat(read(operator.get("/api/v1/stations/" + id))
                        .get("admins")
                        .get(0)
                        .get("username")
                        .asString())
                .isEqualTo(adminName);

        WebUser admin = new WebUser(port).withToken(adminName, Fixtures.PASSWORD);
        assertThat(read(admin.get("/api/v1/me"))
                        .get("administeredStations")
                        .get(0)
                        .asLong())
                .isEqualTo(id);

        assertThat(operator.delete("/api/v1/stations/" + id + "/admins/" + userId)
                        .statusCode())
                .isEqualTo(204);
        assertThat(read(visitor.get("/api/v1/stations/" + id)).get("admins")).isEmpty();
    }

    @Test
    void refusesASecondStationForAnOrganizationAndATakenOrBadCode() {
        long organizationId = organization();
        String code = "s-" + Fixtures.unique();
        HttpResponse<String> opened =
                operator.post("/api/v1/stations", Map.of("organizationId", organizationId, "code", code));
        assertThat(opened.statusCode()).isEqualTo(201);
        long id = read(opened).get("id").asLong();
        long before = stationCount();

        HttpResponse<String> second = operator.post(
                "/api/v1/stations", Map.of("organizationId", organizationId, "code", "x-" + Fixtures.unique()));
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(read(second).get("key").asString()).isEqualTo("station.organization-taken");

        HttpResponse<String> taken =
                operator.post("/api/v1/stations", Map.of("organizationId", organization(), "code", code));
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(read(taken).get("key").asString()).isEqualTo("station.code.taken");

        HttpResponse<String> bad =
                operator.post("/api/v1/stations", Map.of("organizationId", organization(), "code", "站点 1"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(read(bad).get("field").asString()).isEqualTo("code");
        assertThat(read(bad).get("detail").asString()).startsWith("站点代码只能包含");

        HttpResponse<String> unknownUser =
                operator.put("/api/v1/stations/" + id + "/admins/nobody-" + Fixtures.unique(), Map.of());
        assertThat(unknownUser.statusCode()).isEqualTo(400);
        assertThat(read(unknownUser).get("key").asString()).isEqualTo("account.unknown");
        assertThat(stationCount()).isEqualTo(before);
    }

    @Test
    void onlyOperatorsOpenAndStaffStations() {
        long organizationId = organization();
        long before = stationCount();
        Map<String, Object> request = Map.of("organizationId", organizationId, "code", "n-" + Fixtures.unique());
        Fixtures.assertVisitorRefused(visitor.post("/api/v1/stations", request));
        WebUser expert = new WebUser(port).withToken(Fixtures.person(accounts, Role.EXPERT), Fixtures.PASSWORD);
        assertThat(expert.post("/api/v1/stations", request).statusCode()).isEqualTo(403);
        assertThat(stationCount()).isEqualTo(before);

        long id = read(operator.post("/api/v1/stations", request)).get("id").asLong();
        String someone = Fixtures.person(accounts);
        Fixtures.assertVisitorRefused(visitor.put("/api/v1/stations/" + id + "/admins/" + someone, Map.of()));
        assertThat(expert.put("/api/v1/stations/" + id + "/admins/" + someone, Map.of())
                        .statusCode())
                .isEqualTo(403);
        assertThat(read(visitor.get("/api/v1/stations/" + id)).get("admins")).isEmpty();
        assertThat(visitor.get("/api/v1/stations/987654321").statusCode()).isEqualTo(404);
    }

    @Test
    void aSuspendedStationsAdminCannotActUntilItResumes() {
        long id = read(operator.post(
                        "/api/v1/stations", Map.of("organizationId", organization(), "code", "p-" + Fixtures.unique())))
                .get("id")
                .asLong();
        String adminName = Fixtures.person(accounts);
        operator.put("/api/v1/stations/" + id + "/admins/" + adminName, Map.of());
        WebUser admin = new WebUser(port).withToken(adminName, Fixtures.PASSWORD);
        Map<String, Object> body = OrganizationApiIT.enterprise(Fixtures.name("公司"));

        assertThat(operator.put("/api/v1/stations/" + id + "/status", Map.of("status", "SUSPENDED"))
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> refused = admin.post("/api/v1/organizations", body);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(read(refused).get("key").asString()).isEqualTo("station.suspended");

        assertThat(operator.put("/api/v1/stations/" + id + "/status", Map.of("status", "ACTIVE"))
                        .statusCode())
                .isEqualTo(200);
        assertThat(admin.post("/api/v1/organizations", body).statusCode()).isEqualTo(201);
    }
}
