package org.kechuang.demand;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kechuang.identity.CurrentUser;
import org.kechuang.identity.Role;
import org.kechuang.shared.Provenance;

class DemandAccessTest {

    private static final Instant NOW = Instant.parse("2026-06-01T02:00:00Z");
    private static final long STATION = 3;
    private static final long AUTHOR = 42;

    private static final CurrentUser AUTHOR_USER = user(AUTHOR, Set.of(Role.ENTERPRISE), Set.of());
    private static final CurrentUser OTHER_MEMBER = user(43, Set.of(Role.ENTERPRISE), Set.of());
    private static final CurrentUser MANAGER = user(44, Set.of(Role.MANAGER), Set.of());
    private static final CurrentUser STATION_ADMIN = user(45, Set.of(Role.STATION_ADMIN), Set.of(STATION));
    private static final CurrentUser OTHER_STATION_ADMIN = user(46, Set.of(Role.STATION_ADMIN), Set.of(9L));
    private static final CurrentUser OPERATOR = user(47, Set.of(Role.OPERATOR), Set.of());

    private static CurrentUser user(long id, Set<Role> roles, Set<Long> stations) {
        return new CurrentUser(id, "u" + id, "用户" + id, "u" + id + "@example.com", roles, stations);
    }

    private static Demand demand(boolean confidential, boolean published) {
        Demand demand = Demand.draft(
                new DemandContent(
                        "题目",
                        "背景",
                        null,
                        List.of(),
                        null,
                        null,
                        null,
                        null,
                        Set.of(),
                        null,
                        null,
                        null,
                        confidential,
                        new DemandContent.Contact("王工", "0574-88888888", null),
                        null),
                Provenance.enteredOnThePortal(STATION),
                AUTHOR,
                NOW);
        if (published) {
            demand.submit(LocalDate.of(2026, 6, 1), NOW);
            demand.publish(NOW);
        }
        return demand;
    }

    @Test
    void aPublishedDemandIsForEveryoneButItsContactForSignedInUsersOnly() {
        Demand demand = demand(false, true);

        assertThat(DemandAccess.maySee(null, demand)).isTrue();
        assertThat(DemandAccess.maySeeContact(null, demand)).isFalse();
        assertThat(DemandAccess.maySeeContact(OTHER_MEMBER, demand)).isTrue();
    }

    @Test
    void aDraftIsForItsAuthorTheStationsAdminsAndOperators() {
        Demand demand = demand(false, false);

        assertThat(DemandAccess.maySee(null, demand)).isFalse();
        assertThat(DemandAccess.maySee(OTHER_MEMBER, demand)).isFalse();
        assertThat(DemandAccess.maySee(MANAGER, demand)).isFalse();
        assertThat(DemandAccess.maySee(OTHER_STATION_ADMIN, demand)).isFalse();
        assertThat(DemandAccess.maySee(AUTHOR_USER, demand)).isTrue();
        assertThat(DemandAccess.maySee(STATION_ADMIN, demand)).isTrue();
        assertThat(DemandAccess.maySee(OPERATOR, demand)).isTrue();
    }

    @Test
    void aConfidentialDemandIsHiddenFromVisitorsAndOtherMembersButNotFromTechnologyManagers() {
        Demand demand = demand(true, true);

        assertThat(DemandAccess.maySee(null, demand)).isFalse();
        assertThat(DemandAccess.maySee(OTHER_MEMBER, demand)).isFalse();
        assertThat(DemandAccess.maySee(OTHER_STATION_ADMIN, demand)).isFalse();
        assertThat(DemandAccess.maySee(MANAGER, demand)).isTrue();
        assertThat(DemandAccess.maySee(STATION_ADMIN, demand)).isTrue();
        assertThat(DemandAccess.maySee(AUTHOR_USER, demand)).isTrue();
    }

    @Test
    void onlyTheStationsActiveAdminsAndOperatorsCurate() {
        Demand demand = demand(false, true);

        assertThat(DemandAccess.curates(STATION_ADMIN, demand, true)).isTrue();
        assertThat(DemandAccess.curates(STATION_ADMIN, demand, false)).isFalse();
        assertThat(DemandAccess.curates(OTHER_STATION_ADMIN, demand, true)).isFalse();
        assertThat(DemandAccess.curates(AUTHOR_USER, demand, true)).isFalse();
        assertThat(DemandAccess.curates(OPERATOR, demand, false)).isTrue();
        assertThat(DemandAccess.mayEdit(AUTHOR_USER, demand, false)).isTrue();
        assertThat(DemandAccess.mayEdit(OTHER_MEMBER, demand, true)).isFalse();
    }

    @Test
    void enterpriseMembersManagersAndOperatorsPostDemandsExpertsDoNot() {
        assertThat(DemandAccess.mayPost(OTHER_MEMBER)).isTrue();
        assertThat(DemandAccess.mayPost(MANAGER)).isTrue();
        assertThat(DemandAccess.mayPost(OPERATOR)).isTrue();
        assertThat(DemandAccess.mayPost(user(50, Set.of(Role.EXPERT), Set.of())))
                .isFalse();
        assertThat(DemandAccess.mayPost(null)).isFalse();
    }
}
