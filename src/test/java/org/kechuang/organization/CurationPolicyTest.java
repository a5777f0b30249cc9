package org.kechuang.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kechuang.identity.CurrentUser;
import org.kechuang.identity.Role;
import org.kechuang.platform.web.DomainException;
import org.springframework.security.access.AccessDeniedException;

class CurationPolicyTest {

    static final Station SEVEN = new Station(7L, 70, "七号站", "seven", Station.Status.ACTIVE, Instant.EPOCH, 0);
    static final Station EIGHT = new Station(8L, 80, "八号站", "eight", Station.Status.ACTIVE, Instant.EPOCH, 0);

    static final CurrentUser OPERATOR = new CurrentUser(1, "op", "运营", "op@x.cn", Set.of(Role.OPERATOR), Set.of());
    static final CurrentUser ADMIN_OF_SEVEN =
            new CurrentUser(2, "admin7", "站长", "a@x.cn", Set.of(Role.STATION_ADMIN), Set.of(7L));
    static final CurrentUser EXPERT = new CurrentUser(3, "expert", "专家", "e@x.cn", Set.of(Role.EXPERT), Set.of());

    @Test
    void operatorsMayEditAnything() {
        assertThat(CurationPolicy.mayEdit(OPERATOR, List.of())).isTrue();
        assertThat(CurationPolicy.mayEdit(OPERATOR, List.of(EIGHT))).isTrue();
    }

    @Test
    void aStationAdminEditsOnlyWhatTheirStationCurates() {
        assertThat(CurationPolicy.mayEdit(ADMIN_OF_SEVEN, List.of(SEVEN))).isTrue();
        assertThat(CurationPolicy.mayEdit(ADMIN_OF_SEVEN, List.of(EIGHT))).isFalse();
        assertThat(CurationPolicy.mayEdit(ADMIN_OF_SEVEN, List.of(EIGHT, SEVEN)))
                .isTrue();
        assertThat(CurationPolicy.mayEdit(ADMIN_OF_SEVEN, List.of())).isFalse();
    }

    @Test
    void aSuspendedStationsAdminCannotAct() {
        Station suspended = new Station(7L, 70, "七号站", "seven", Station.Status.SUSPENDED, Instant.EPOCH, 0);
        assertThat(CurationPolicy.mayActIn(ADMIN_OF_SEVEN, suspended)).isFalse();
        assertThat(CurationPolicy.mayActIn(OPERATOR, suspended)).isTrue();
        assertThatThrownBy(() -> CurationPolicy.requireActIn(ADMIN_OF_SEVEN, suspended))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.key()).isEqualTo("station.suspended"));
    }

    @Test
    void othersAndVisitorsEditNothing() {
        assertThat(CurationPolicy.mayEdit(EXPERT, List.of(SEVEN))).isFalse();
        assertThat(CurationPolicy.mayEdit(null, List.of(SEVEN))).isFalse();
    }

    @Test
    void visitorsAreAskedToSignInAndMembersAreRefused() {
        assertThatThrownBy(() -> CurationPolicy.requireOperator(null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> CurationPolicy.requireOperator(ADMIN_OF_SEVEN))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.status().value()).isEqualTo(403));
        assertThatThrownBy(() -> CurationPolicy.requireActIn(ADMIN_OF_SEVEN, EIGHT))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.key()).isEqualTo("station.not-yours"));
    }
}
