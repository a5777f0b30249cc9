package org.kechuang.talent;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kechuang.identity.Accounts;
import org.kechuang.identity.Role;
import org.kechuang.organization.Stations;
import org.kechuang.shared.Provenance;
import org.kechuang.support.IntegrationTest;
import org.kechuang.support.WebUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class ExpertClaimIT {

    private static final String PASSWORD = "kechuang-demo";

    @LocalServerPort
    int port;

    @Autowired
    Stations stations;

    @Autowired
    Accounts accounts;

    @Autowired
    Experts experts;

    private long cmes;

    @BeforeEach
    void setUp() {
        cmes = stations.findByCode("cmes").orElseThrow().id();
    }

    private WebUser as(String username) {
        return new WebUser(port).withToken(username, PASSWORD);
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** An expert account with a verified e-mail address, as registration leaves it. */
    private String expertAccount() {
        String username = "claim-" + unique();
        accounts.ensure(username, username + "@example.com", PASSWORD, "认领专家", Set.of(Role.EXPERT));
        return username;
    }

    private long imported(String name, String email) {
        ExpertDraft draft = new ExpertDraft(
                name,
                "中国机械工程学会会员单位",
                "研究员",
                List.of("E05"),
                List.of("增材制造"),
                List.of("激光熔覆"),
                "110108",
                List.of(),
                false,
                true,
                null,
                null,
                "010-62345678",
                email,
                null,
                null);
        Experts.Upserted upserted =
                experts.upsertFromImport(draft, new Provenance(cmes, "cmes-db", "claim-" + unique(), 31L));
        assertThat(upserted.change()).isEqualTo(Experts.Change.INSERTED);
        return upserted.id();
    }

    private static List<String> actions(WebUser user, long id) {
        return WebUser.read(user.get("/api/v1/experts/" + id + "/history"))
                .valueStream()
                .map(entry -> entry.get("action").asString())
                .toList();
    }

    @Test
    void theExpertWithTheProfilesVerifiedEmailClaimsItAtOnceAndThenKeepsIt() {
        String username = expertAccount();
        String name = "周立" + unique();
        long id = imported(name, username.toUpperCase() + "@EXAMPLE.COM");
        WebUser expert = as(username);
        WebUser manager = as("manager");
        assertThat(WebUser.read(manager.get("/api/v1/experts/" + id)).has("contact"))
                .isFalse();

        HttpResponse<String> claimed = expert.post("/api/v1/experts/" + id + "/claim", Map.of());

        assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(200);
        JsonNode claim = WebUser.read(claimed);
        assertThat(claim.get("claim").get("method").asString()).isEqualTo("EMAIL");
        assertThat(claim.get("expert").get("claimed").asBoolean()).isTrue();
        assertThat(claim.get("expert").get("contact").get("phone").asString()).isEqualTo("010-62345678");

        int version = claim.get("expert").get("version").asInt();
        HttpResponse<String> edited = expert.put(
                "/api/v1/experts/" + id,
                Map.of(
                        "name",
                        name,
                        "affiliation",
                        "北京工业大学",
                        "availability",
                        "UNAVAILABLE",
                        "email",
                        username + "@example.com",
                        "version",
                        version));
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        assertThat(WebUser.read(edited).get("affiliation").asString()).isEqualTo("北京工业大学");

        HttpResponse<String> consented = expert.put("/api/v1/experts/" + id + "/consent", Map.of("scope", "CONTACT"));
        assertThat(WebUser.read(consented).get("consent").get("basis").asString())
                .isEqualTo("SELF");
        assertThat(WebUser.read(manager.get("/api/v1/experts/" + id))
                        .get("contact")
                        .get("email")
                        .asString())
                .isEqualTo(username + "@example.com");

        assertThat(actions(expert, id)).containsSubsequence("imported", "published", "claimed", "edited", "consented");
        assertThat(as(expertAccount())
                        .post("/api/v1/experts/" + id + "/claim", Map.of())
                        .statusCode())
                .isEqualTo(409);
    }

    @Test
    void aClaimByAnotherAddressWaitsForTheStationAdminWhoApprovesIt() {
        String username = expertAccount();
        long id = imported("吴敏" + unique(), "wu.min@society.example.org");
        WebUser expert = as(username);

        HttpResponse<String> pending = expert.post("/api/v1/experts/" + id + "/claim", Map.of());

        assertThat(pending.statusCode()).as(pending.body()).isEqualTo(202);
        long claimId = WebUser.read(pending).get("claim").get("id").asLong();
        assertThat(WebUser.read(pending).get("claim").get("status").asString()).isEqualTo("PENDING");
        assertThat(WebUser.read(pending).get("expert").has("contact")).isFalse();
        assertThat(expert.post("/api/v1/experts/" + id + "/claim", Map.of()).statusCode())
                .isEqualTo(409);
        assertThat(as("enterprise")
                        .post("/api/v1/experts/" + id + "/claim", Map.of())
                        .statusCode())
                .isEqualTo(403);
        assertThat(expert.post("/api/v1/experts/" + id + "/claims/" + claimId + "/approve", Map.of())
                        .statusCode())
                .isEqualTo(403);

        WebUser admin = as("station-admin");
        HttpResponse<String> approved =
                admin.post("/api/v1/experts/" + id + "/claims/" + claimId + "/approve", Map.of());

        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(WebUser.read(approved).get("claimed").asBoolean()).isTrue();
        assertThat(WebUser.read(expert.get("/api/v1/experts/" + id))
                        .get("contact")
                        .has("phone"))
                .isTrue();
        assertThat(actions(admin, id)).containsSubsequence("claim-requested", "claimed");
        assertThat(WebUser.read(admin.get("/api/v1/experts/" + id + "/claims"))
                        .get(0)
                        .get("status")
                        .asString())
                .isEqualTo("APPROVED");
    }

    @Test
    void aRefusedClaimLeavesTheProfileUnclaimedWithTheReasonRecorded() {
        String username = expertAccount();
        long id = imported("郑华" + unique(), null);
        WebUser expert = as(username);
        long claimId = WebUser.read(expert.post("/api/v1/experts/" + id + "/claim", Map.of()))
                .get("claim")
                .get("id")
                .asLong();
        WebUser admin = as("station-admin");

        HttpResponse<String> refused =
                admin.post("/api/v1/experts/" + id + "/claims/" + claimId + "/refuse", Map.of("reason", "身份信息与档案不符"));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(200);
        assertThat(WebUser.read(refused).get("reason").asString()).isEqualTo("身份信息与档案不符");
        assertThat(WebUser.read(admin.get("/api/v1/experts/" + id))
                        .get("claimed")
                        .asBoolean())
                .isFalse();
        assertThat(admin.post("/api/v1/experts/" + id + "/claims/" + claimId + "/approve", Map.of())
                        .statusCode())
                .isEqualTo(409);
        assertThat(actions(admin, id)).containsSubsequence("claim-requested", "claim-refused");
    }

    @Test
    void aReimportLeavesAClaimedProfileAsItsExpertKeepsIt() {
        String username = expertAccount();
        String source = "keep-" + unique();
        ExpertDraft draft = ExpertDraft.of("孙杰" + source, "东南大学");
        ExpertDraft withEmail = new ExpertDraft(
                draft.name(),
                draft.affiliation(),
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
                username + "@example.com",
                null,
                null);
        long id = experts.upsertFromImport(withEmail, new Provenance(cmes, "cmes-db", source, 40L))
                .id();
        as(username).post("/api/v1/experts/" + id + "/claim", Map.of());

        ExpertDraft changed = new ExpertDraft(
                draft.name(),
                "东南大学机械学院",
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
                username + "@example.com",
                null,
                null);
        Experts.Upserted again = experts.upsertFromImport(changed, new Provenance(cmes, "cmes-db", source, 41L));

        assertThat(again).isEqualTo(new Experts.Upserted(id, Experts.Change.UNCHANGED));
        assertThat(WebUser.read(as(username).get("/api/v1/experts/" + id))
                        .get("affiliation")
                        .asString())
                .isEqualTo("东南大学");
    }
}
