package org.kechuang.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kechuang.platform.web.DomainException;
import org.kechuang.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The module API other code (the demo seeder, the organization module) relies on. */
@IntegrationTest
class AccountsIT {

    @Autowired
    Accounts accounts;

    @Autowired
    StationAdministration stations;

    @Autowired
    JdbcClient jdbc;

    String username;

    @BeforeEach
    void setUp() {
        username = "acc" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void ensuringTwiceChangesNothing() {
        Account first = accounts.ensure(
                username, username + "@example.com", "Seed-Pass-123", "种子", Set.of(Role.MANAGER, Role.REVIEWER));
        String hash = passwordHash(first.id());
        long grants = grants(first.id());

        Account second = accounts.ensure(
                username, username + "@example.com", "Seed-Pass-123", "种子", Set.of(Role.MANAGER, Role.REVIEWER));

        assertThat(second).isEqualTo(first);
        assertThat(second.verified()).isTrue();
        assertThat(passwordHash(first.id())).isEqualTo(hash);
        assertThat(grants(first.id())).isEqualTo(grants).isEqualTo(2);
    }

    @Test
    void ensuringAnExistingAccountOnlyAddsMissingRolesAndKeepsItsPassword() {
        Account first = accounts.ensure(username, username + "@example.com", "Seed-Pass-123", "种子", Set.of());
        String hash = passwordHash(first.id());
        Account second = accounts.ensure(username, "other@example.com", "Other-Pass-456", "别名", Set.of(Role.OPERATOR));
        assertThat(second.roles()).containsExactly(Role.OPERATOR);
        assertThat(second.email()).isEqualTo(first.email());
        assertThat(passwordHash(first.id())).isEqualTo(hash);
    }

    @Test
    void refusesStationAdminWithoutAStationAndAnAddressOfAnotherAccount() {
        assertThatThrownBy(() -> accounts.ensure(
                        username, username + "@example.com", "Seed-Pass-123", "x", Set.of(Role.STATION_ADMIN)))
                .isInstanceOf(IllegalArgumentException.class);
        accounts.ensure(username, username + "@example.com", "Seed-Pass-123", "x", Set.of());
        assertThatThrownBy(() -> accounts.ensure(
                        "x" + username, username.toUpperCase() + "@example.com", "Seed-Pass-123", "x", Set.of()))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.key()).isEqualTo("account.email.taken"));
        assertThatThrownBy(() -> accounts.ensure("<b>" + username, "y@example.com", "Seed-Pass-123", "x", Set.of()))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.key()).isEqualTo("text.markup"));
    }

    @Test
    void grantsAndRevokesRolesIdempotently() {
        long id = accounts.ensure(username, username + "@example.com", "Seed-Pass-123", "x", Set.of())
                .id();
        accounts.grant(id, Role.REVIEWER);
        accounts.grant(id, Role.REVIEWER);
        assertThat(accounts.findById(id).orElseThrow().roles()).containsExactly(Role.REVIEWER);
        accounts.revoke(id, Role.REVIEWER);
        accounts.revoke(id, Role.REVIEWER);
        assertThat(accounts.findById(id).orElseThrow().roles()).isEmpty();
        assertThatThrownBy(() -> accounts.grant(id, Role.STATION_ADMIN))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.key()).isEqualTo("role.station-admin-by-station"));
    }

    @Test
    void appointsStationAdminsByUsernameAndRefusesUnknownOnes() {
        long id = accounts.ensure(username, username + "@example.com", "Seed-Pass-123", "站长", Set.of())
                .id();
        long station = 7_000_000 + (long) (Math.random() * 1_000_000);

        StationAdministration.StationAdmin appointed = stations.appoint(station, RegistrationIT.fullWidth(username));
        assertThat(appointed).isEqualTo(new StationAdministration.StationAdmin(id, username, "站长"));
        stations.appoint(station, username);
        assertThat(stations.adminsOf(station)).containsExactly(appointed);
        assertThat(accounts.findById(id).orElseThrow().administeredStations()).containsExactly(station);
        assertThat(accounts.findById(id).orElseThrow().toCurrentUser().administers(station))
                .isTrue();

        assertThatThrownBy(() -> stations.appoint(station, "nobody-" + username))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.key()).isEqualTo("account.unknown");
                    assertThat(e.field()).isEqualTo("username");
                });

        stations.dismiss(station, id);
        assertThat(stations.adminsOf(station)).isEmpty();
        assertThat(accounts.findById(id).orElseThrow().roles()).doesNotContain(Role.STATION_ADMIN);
    }

    private String passwordHash(long id) {
        return jdbc.sql("SELECT password_hash FROM account WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    private long grants(long id) {
        return jdbc.sql("SELECT count(*) FROM role_grant WHERE account_id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
    }
}
