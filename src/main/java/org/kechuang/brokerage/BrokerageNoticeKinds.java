package org.kechuang.brokerage;

import java.util.Set;
import org.kechuang.inbox.Channel;
import org.kechuang.inbox.NoticeKind;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The kinds of notice brokerage delivers, each chosen per account on the inbox preferences (ADR 0018): everything a
 * party must act on reaches the inbox and the mailbox unless the account turns it off. Also enables the settings of
 * messages, attachments and reminders.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CollaborationProperties.class)
class BrokerageNoticeKinds {

    /** Started, moved, rated, handed over. */
    static final String ENGAGEMENT = EngagementNotices.KIND;

    static final String MESSAGE = "brokerage.message";
    static final String REMINDER = "brokerage.reminder";
    static final String OVERDUE = "brokerage.overdue";

    private static final Set<Channel> INBOX_AND_EMAIL = Set.of(Channel.INBOX, Channel.EMAIL);

    @Bean
    static NoticeKind engagementNoticeKind() {
        return new NoticeKind(ENGAGEMENT, "brokerage.notice.kind.engagement", INBOX_AND_EMAIL);
    }

    @Bean
    static NoticeKind messageNoticeKind() {
        return new NoticeKind(MESSAGE, "brokerage.notice.kind.message", INBOX_AND_EMAIL);
    }

    @Bean
    static NoticeKind reminderNoticeKind() {
        return new NoticeKind(REMINDER, "brokerage.notice.kind.reminder", INBOX_AND_EMAIL);
    }

    @Bean
    static NoticeKind overdueNoticeKind() {
        return new NoticeKind(OVERDUE, "brokerage.notice.kind.overdue", INBOX_AND_EMAIL);
    }
}
