package org.kechuang.brokerage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kechuang.identity.Accounts;
import org.kechuang.organization.Stations;
import org.kechuang.support.IntegrationTest;
import org.kechuang.support.WebUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A stage's deadline near (two days by default): the manager and the parties who must act are reminded once per stage
 * entry; a deadline far off or already passed (that is {@link OverdueWatch}'s) reminds nobody.
 */
@IntegrationTest
class StageRemindersIT {

    private static final String REMINDER = "对接期限将至：";

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Stations stations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StageReminders reminders;

    private EngagementFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new EngagementFixtures(
                port, accounts, stations.findByCode("cmes").orElseThrow().id());
    }

    private void dueIn(long engagement, String interval) {
        jdbc.sql("update engagement set stage_due_at = now() + cast(:interval as interval) where id = :id")
                .param("interval", interval)
                .param("id", engagement)
                .update();
    }

    private int reminders(String username, EngagementFixtures.Case e) {
        String inbox = fixtures.as(username).get("/api/v1/inbox?size=100").body();
        return inbox.split(REMINDER + e.title(), -1).length - 1;
    }

    @Test
    void aNearDeadlineRemindsTheManagerAndWhoeverMustActOncePerStageEntry() {
        EngagementFixtures.Case e = fixtures.engagement(false);
        int version = fixtures.move(e, e.version(), "CONTACTED");
        dueIn(e.id(), "1 day");

        assertThat(reminders.remindDueSoon()).isGreaterThanOrEqualTo(1);
        reminders.remindDueSoon();

        assertThat(reminders("manager", e)).isEqualTo(1);
        assertThat(reminders(e.expert().username(), e))
                .as("the counterpart answers the contact")
                .isEqualTo(1);
        assertThat(reminders(e.enterprise().username(), e)).isZero();
        String expertInbox =
                fixtures.as(e.expert().username()).get("/api/v1/inbox?size=100").body();
        assertThat(expertInbox).contains("「已联系」阶段将于").contains("请对接方回应");

        // a new stage entry is reminded of again, now both sides must agree the contract
        fixtures.move(e, version, "NEGOTIATING");
        dueIn(e.id(), "2 hours");
        reminders.remindDueSoon();
        assertThat(reminders("manager", e)).isEqualTo(2);
        assertThat(reminders(e.expert().username(), e)).isEqualTo(2);
        assertThat(reminders(e.enterprise().username(), e)).isEqualTo(1);
        assertThat(WebUser.read(fixtures.as(e.enterprise().username()).get("/api/v1/inbox?size=100"))
                        .get("results")
                        .toString())
                .contains("/engagements/" + e.id());
    }

    @Test
    void aDeadlineFarOffOrAlreadyPassedRemindsNobody() {
        EngagementFixtures.Case far = fixtures.engagement(false);
        dueIn(far.id(), "5 days");
        EngagementFixtures.Case passed = fixtures.engagement(false);
        dueIn(passed.id(), "-1 hour");

        reminders.remindDueSoon();

        assertThat(reminders("manager", far)).isZero();
        assertThat(reminders("manager", passed)).isZero();
        assertThat(jdbc.sql("select count(*) from engagement_reminder_notice where engagement_id in (:far, :passed)")
                        .param("far", far.id())
                        .param("passed", passed.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
