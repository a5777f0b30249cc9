package org.kechuang.talent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kechuang.identity.CurrentUser;
import org.kechuang.identity.Role;
import org.kechuang.shared.Provenance;

class ExpertAccessTest {

    private static final Instant NOW = Instant.parse("2026-06-01T02:00:00Z");
    private static final long STATION = 3;
    private static final long EXPERT_ACCOUNT = 42;

    private static final CurrentUser THE_EXPERT = user(EXPERT_ACCOUNT, Set.of(Role.EXPERT), Set.of());
    private static final CurrentUser OTHER_EXPERT = user(43, Set.of(Role.EXPERT), Set.of());
    private static final CurrentUser ENTERPRISE = user(44, Set.of(Role.ENTERPRISE), Set.of());
    private static final CurrentUser MANAGER = user(45, Set.of(Role.MANAGER), Set.of());
    private static final CurrentUser STATION_ADMIN = user(46, Set.of(Role.STATION_ADMIN), Set.of(STATION));
    private static final CurrentUser OTHER_STATION_ADMIN = user(47, Set.of(Role.STATION_ADMIN), Set.of(9L));
    private static final CurrentUser OPERATOR = user(48, Set.of(Role.OPERATOR), Set.of());

    private static CurrentUser user(long id, Set<Role> roles, Set<Long> stations) {
        return new CurrentUser(id, "u" + id, "用户" + id, "u" + id + "@example.com", roles, stations);
    }

    private static Expert published(boolean claimed, Consent.Scope consent) {
        Expert expert = Expert.draft(ExpertTest.content("李明"), new Provenance(STATION, "import", "e-1", 1L), null, NOW);
        expert.submit(NOW);
        expert.publish(NOW);
        if (claimed) {
            expert.claimBy(EXPERT_ACCOUNT, NOW);
        }
        if (consent != null) {
            expert.consent(new Consent(consent, Consent.Basis.WRITTEN, 46, NOW));
        }
        return expert;
    }

    @Test
    void visitorsAndOtherMembersNeverSeeTheContact() {
        Expert consented = published(true, Consent.Scope.CONTACT);

        assertThat(ExpertAccess.maySee(null, consented)).isTrue();
        assertThat(ExpertAccess.maySeeContact(null, consented)).isFalse();
        assertThat(ExpertAccess.maySeeContact(ENTERPRISE, consented)).isFalse();
        assertThat(ExpertAccess.maySeeContact(OTHER_EXPERT, consented)).isFalse();
        assertThat(ExpertAccess.maySeeContact(OTHER_STATION_ADMIN, consented)).isFalse();
    }

    @Test
    void technologyManagersSeeTheContactOnlyWithTheExpertsConsent() {
        assertThat(ExpertAccess.maySeeContact(MANAGER, published(false, null))).isFalse();
        assertThat(ExpertAccess.maySeeContact(MANAGER, published(false, Consent.Scope.PROFILE)))
                .isFalse();
        assertThat(ExpertAccess.maySeeContact(MANAGER, published(false, Consent.Scope.CONTACT)))
                .isTrue();
    }

    @Test
    void theExpertTheStationsAdminsAndOperatorsSeeTheContactWithoutConsent() {
        Expert claimed = published(true, null);

        assertThat(ExpertAccess.maySeeContact(THE_EXPERT, claimed)).isTrue();
        assertThat(ExpertAccess.maySeeContact(STATION_ADMIN, claimed)).isTrue();
        assertThat(ExpertAccess.maySeeContact(OPERATOR, claimed)).isTrue();
    }

    @Test
    void theClaimingExpertEditsTheProfileOtherExpertsDoNot() {
        Expert claimed = published(true, null);

        assertThat(ExpertAccess.mayEdit(THE_EXPERT, claimed, true)).isTrue();
        assertThat(ExpertAccess.mayEdit(OTHER_EXPERT, claimed, true)).isFalse();
        assertThat(ExpertAccess.mayEdit(STATION_ADMIN, claimed, true)).isTrue();
        assertThat(ExpertAccess.mayEdit(STATION_ADMIN, claimed, false)).isFalse();
        assertThat(ExpertAccess.seesEverything(THE_EXPERT, claimed)).isTrue();
    }

    @Test
    void onlyExpertAccountsClaimAndOnlyExpertsAndOperatorsPostWithoutAStation() {
        assertThat(ExpertAccess.mayClaim(OTHER_EXPERT)).isTrue();
        assertThat(ExpertAccess.mayClaim(MANAGER)).isFalse();
        assertThat(ExpertAccess.mayClaim(OPERATOR)).isFalse();
        assertThat(ExpertAccess.mayClaim(null)).isFalse();
        assertThat(ExpertAccess.mayPost(OTHER_EXPERT)).isTrue();
        assertThat(ExpertAccess.mayPost(ENTERPRISE)).isFalse();
        assertThat(ExpertAccess.mayPost(OPERATOR)).isTrue();
    }
}
